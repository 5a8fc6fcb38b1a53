import { useEffect, useRef } from 'react';

/** Focuses the first control inside the element when it appears (an inline form opening). */
export function useFocusFirstControl<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
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
