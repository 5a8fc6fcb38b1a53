import { useEffect, useRef } from 'react';
import { handleEscape } from '../lib/keyboard';

/**
 * Focuses the first control inside the element when it appears (an inline form opening), and,
 * given `onEscape`, closes it on Escape the way a dialog would (the opener then takes focus
 * back through `useReturnFocus`).
 */
export function useFocusFirstControl<T extends HTMLElement>(onEscape?: () => void) {
  const ref = useRef<T>(null);
  const escapeRef = useRef(onEscape);
  useEffect(() => {
    escapeRef.current = onEscape;
  });
  useEffect(() => {
    const element = ref.current;
    element?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (escapeRef.current) handleEscape(event, escapeRef.current);
    };
    element?.addEventListener('keydown', onKeyDown);
    return () => element?.removeEventListener('keydown', onKeyDown);
  }, []);
  return ref;
}

/** Gives focus back to the element (the button that opened something) when `open` ends. */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}

/**
 * Takes focus when `active` turns true if focus has fallen to the page's body because the
 * control holding it went away (a form that closed on success, a request answered and gone),
 * so a keyboard user goes on from the news instead of from the top of the page. The element
 * needs `tabIndex={-1}`. `shape` is anything that changes when the control may have gone (a
 * list's length), for when the news comes before the control leaves.
 */
export function useCatchFocus<T extends HTMLElement>(active: boolean, shape?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (active && lost) ref.current?.focus();
  }, [active, shape]);
  return ref;
}
