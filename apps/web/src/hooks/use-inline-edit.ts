import { useState } from 'react';
import { useReturnFocus } from './use-focus';

/**
 * A section that shows something and swaps in its own form to change it. `saved` says whether
 * the last edit was saved, for a status line outside the form (which closes on saving, so the
 * news is still announced); the edit button gets focus back when the form closes.
 */
export function useInlineEdit(onSaved: () => void) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useReturnFocus<HTMLButtonElement>(editing);

  const startEditing = () => {
    setSaved(false);
    setEditing(true);
  };
  /** Called by the form with whether it saved (false when cancelled). */
  const finishEditing = (didSave: boolean) => {
    setEditing(false);
    setSaved(didSave);
    if (didSave) onSaved();
  };

  return { editing, saved, editButtonRef, startEditing, finishEditing };
}
