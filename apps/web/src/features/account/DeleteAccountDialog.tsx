import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { deleteAccount } from '../../lib/api-data-rights';
import { ApiRequestError } from '../../lib/errors';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';

interface DeleteAccountDialogProps {
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * A modal dialog asking for the password before the account goes. The native <dialog> keeps
 * focus inside and closes on Escape; focus starts at the password and the opener takes it back.
 */
export function DeleteAccountDialog({ open, onClose, onDeleted }: DeleteAccountDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const deletion = useFormSubmit({ password: 'issues.wrongPassword' });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPassword('');
      dialog.showModal();
      dialog.querySelector<HTMLInputElement>('input')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void deletion
      .submit(() => deleteWithPassword(password))
      .then((deleted) => {
        if (deleted) onDeleted();
      });
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="delete-account-title"
      aria-describedby="delete-account-what"
      className="dialog"
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="delete-account-title">{t('account.deleteTitle')}</h2>
        <p id="delete-account-what">{t('account.deleteWhat')}</p>
        <TextField
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          required
          error={deletion.fieldError('password')}
          value={password}
          onValue={setPassword}
        />
        <FormAlert message={deletion.formError} />
        <div className="actions">
          <button type="submit" className="danger" disabled={deletion.pending}>
            {deletion.pending ? t('account.deleting') : t('account.deleteConfirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** A wrong (or missing) password is the password field's problem, so it is shown next to it. */
async function deleteWithPassword(password: string): Promise<void> {
  try {
    await deleteAccount({ password });
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.code !== 'INVALID_CREDENTIALS') throw error;
    const issues = [{ path: ['password'], message: error.message }];
    throw new ApiRequestError({ status: 400, code: 'INVALID', message: error.message, issues });
  }
}
