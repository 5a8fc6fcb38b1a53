/** What `handleEscape` reads of a keydown event (the DOM's KeyboardEvent has all of it). */
export interface EscapeKeyEvent {
  key: string;
  defaultPrevented: boolean;
  isComposing?: boolean;
  preventDefault(): void;
}

/**
 * Closes on Escape what a dialog would close (an inline form, a question asked in place),
 * unless something inside used the key already: an input method composing text, or a control
 * that handled it and said so. Returns whether it closed.
 */
export function handleEscape(event: EscapeKeyEvent, close: () => void): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return false;
  event.preventDefault();
  close();
  return true;
}
