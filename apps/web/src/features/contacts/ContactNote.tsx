import { CONTACT_NOTE_MAX } from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { saveNote } from './contacts-store';

/** My private note on a contact; nobody else ever reads it. */
export function ContactNote({
  personId,
  name,
  note,
}: {
  personId: string;
  name: string;
  note: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(note);
  const { pending, succeeded, formError, submit } = useFormSubmit();
  const changed = text !== note;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(() => saveNote(personId, text));
  };

  return (
    <form className="form contact-note" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <Field label={t('contacts.note')} hint={t('contacts.noteHint')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={CONTACT_NOTE_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <FormAlert message={formError} />
      <div className="actions">
        <button
          type="submit"
          disabled={pending || !changed}
          aria-label={t('contacts.saveNoteNamed', { name })}
        >
          {t('contacts.saveNote')}
        </button>
        <FormStatus message={succeeded && !changed ? t('contacts.noteSaved') : undefined} />
      </div>
    </form>
  );
}
