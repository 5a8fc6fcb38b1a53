import {
  AGENDA_KINDS,
  agendaItemBodySchema,
  pickText,
  type AgendaItemBody,
  type Registration,
  type Room,
} from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusFirstControl } from '../../hooks/use-focus';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLanguage } from '../../hooks/use-language';
import type { Resource } from '../../hooks/use-resource';
import { checkBody } from '../../lib/errors';
import { Field, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { LocalizedFields } from './LocalizedFields';
import { SpeakerChoices } from './SpeakerChoices';
import { STAGE, agendaBodyOf, newAgendaForm, type AgendaFormValues } from './agenda-form';

/** An agenda title is a text in several languages, not a single required one. */
const AGENDA_ISSUES = { title: 'issues.localizedText' } as const;

interface AgendaItemFormProps {
  /** Adding keeps the form open for the next item; editing closes it when saved. */
  mode: 'add' | 'edit';
  timeZone: string;
  rooms: readonly Room[];
  registrations: Resource<Registration[]>;
  initial: AgendaFormValues;
  save: (body: AgendaItemBody) => Promise<unknown>;
  onClose?: () => void;
}

export function AgendaItemForm(props: AgendaItemFormProps) {
  const { mode, timeZone, rooms, registrations, initial, save, onClose } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const [values, setValues] = useState(initial);
  const { pending, succeeded, formError, fieldError, submit } = useFormSubmit(AGENDA_ISSUES);
  const editRef = useFocusFirstControl<HTMLFormElement>(onClose);
  const change = (patch: Partial<AgendaFormValues>) =>
    setValues((previous) => ({ ...previous, ...patch }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = agendaBodyOf(values, timeZone);
    const saved = await submit(() => save(checkBody(agendaItemBodySchema, body)));
    if (!saved) return;
    // The next item most often follows the one just added.
    if (mode === 'add') setValues(newAgendaForm(body.endsAt, timeZone));
    else onClose?.();
  };

  const timeHint = t('fairForm.timeHint', { timeZone });
  return (
    <form
      ref={mode === 'edit' ? editRef : undefined}
      className="form subform"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id={headingId}>{t(mode === 'add' ? 'agendaForm.addTitle' : 'agendaForm.editTitle')}</h3>
      <Field label={t('agendaForm.kind')} error={fieldError('kind')}>
        {(control) => (
          <select
            {...control}
            value={values.kind}
            onChange={(e) => {
              const kind = AGENDA_KINDS.find((option) => option === e.target.value);
              if (kind) change({ kind });
            }}
          >
            {AGENDA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`agendaKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LocalizedFields
        labels={{
          fi: t('agendaForm.titleFi'),
          en: t('agendaForm.titleEn'),
          sv: t('agendaForm.titleSv'),
        }}
        values={values.title}
        onChange={(title) => change({ title })}
        error={fieldError('title')}
        maxLength={300}
      />
      <div className="field-row">
        <TextField
          label={t('agendaForm.start')}
          hint={timeHint}
          type="datetime-local"
          required
          value={values.startsLocal}
          onValue={(startsLocal) => change({ startsLocal })}
          error={fieldError('startsAt')}
        />
        <TextField
          label={t('agendaForm.end')}
          hint={timeHint}
          type="datetime-local"
          required
          value={values.endsLocal}
          onValue={(endsLocal) => change({ endsLocal })}
          error={fieldError('endsAt')}
        />
      </div>
      <Field label={t('agendaForm.place')} error={fieldError('place')}>
        {(control) => (
          <select
            {...control}
            value={values.place}
            onChange={(e) => change({ place: e.target.value })}
          >
            <option value={STAGE}>{t('agenda.stage')}</option>
            {rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {pickText(room.names, language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SpeakerChoices
        registrations={registrations}
        selected={values.speakerIds}
        onSelected={(speakerIds) => change({ speakerIds })}
        error={fieldError('speakerIds')}
      />
      <FormAlert message={formError} />
      <FormActions
        submitLabel={t(mode === 'add' ? 'agendaForm.add' : 'common.saveChanges')}
        pending={pending}
        onCancel={onClose}
      />
      <FormStatus message={succeeded && mode === 'add' ? t('agendaForm.added') : undefined} />
    </form>
  );
}
