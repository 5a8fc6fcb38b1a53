import { putMyCardBodySchema, type CardField, type MyCard } from '@kohtaamo/protocol';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusFirstControl } from '../../hooks/use-focus';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api-contacts';
import { checkBody } from '../../lib/errors';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import {
  CARD_ISSUES,
  CARD_TEXT_FIELDS,
  cardBodyOf,
  cardFormOf,
  withShared,
  type CardFormValues,
  type CardTextField,
} from './card-form';

const INPUT_TYPES: Record<CardTextField, string> = {
  name: 'text',
  organisation: 'text',
  title: 'text',
  email: 'email',
  phone: 'tel',
  website: 'url',
};
const AUTOCOMPLETE: Record<CardTextField, string> = {
  name: 'name',
  organisation: 'organization',
  title: 'organization-title',
  email: 'email',
  phone: 'tel',
  website: 'url',
};

interface CardEditFormProps {
  fairId: string;
  card: MyCard;
  /** Called with whether the card was saved (false when cancelled). */
  onDone: (saved: boolean) => void;
}

/** Every field of my card, each with its own "share" choice. */
export function CardEditForm({ fairId, card, onDone }: CardEditFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState<CardFormValues>(() => cardFormOf(card));
  const { pending, formError, fieldError, submit } = useFormSubmit(CARD_ISSUES);
  const formRef = useFocusFirstControl<HTMLFormElement>(() => onDone(false));

  const setShared = (field: CardField, on: boolean) =>
    setValues((previous) => ({ ...previous, shared: withShared(previous.shared, field, on) }));
  const setText = (field: CardTextField, value: string) =>
    setValues((previous) => ({ ...previous, text: { ...previous.text, [field]: value } }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit(() =>
      api.putMyCard(fairId, checkBody(putMyCardBodySchema, cardBodyOf(values))),
    );
    if (saved) onDone(true);
  };

  const shareBox = (field: CardField) => (
    <ShareChoice
      field={field}
      checked={values.shared.includes(field)}
      onChange={(on) => setShared(field, on)}
    />
  );

  return (
    <form
      ref={formRef}
      className="form subform"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id={headingId}>{t('card.editTitle')}</h3>
      <p className="hint">{t('card.editHint')}</p>
      {CARD_TEXT_FIELDS.map((field) => (
        <CardFieldRow key={field} share={shareBox(field)}>
          <Field label={t(`card.fields.${field}`)} error={fieldError(`card.${field}`)}>
            {(control) => (
              <input
                {...control}
                type={INPUT_TYPES[field]}
                autoComplete={AUTOCOMPLETE[field]}
                value={values.text[field]}
                onChange={(event) => setText(field, event.target.value)}
              />
            )}
          </Field>
        </CardFieldRow>
      ))}
      <CardFieldRow share={shareBox('languages')}>
        <Field
          label={t('card.fields.languages')}
          hint={t('profile.otherLanguagesHint')}
          error={fieldError('card.languages')}
        >
          {(control) => (
            <input
              {...control}
              value={values.languages}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, languages: event.target.value }))
              }
            />
          )}
        </Field>
      </CardFieldRow>
      <CardFieldRow share={shareBox('cooperation')}>
        <Field
          label={t('card.fields.cooperation')}
          hint={t('card.cooperationHint')}
          error={fieldError('card.cooperation')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.cooperation}
              onChange={(event) =>
                setValues((previous) => ({ ...previous, cooperation: event.target.value }))
              }
            />
          )}
        </Field>
      </CardFieldRow>
      <FormAlert message={formError} />
      <FormActions submitLabel={t('card.save')} pending={pending} onCancel={() => onDone(false)} />
    </form>
  );
}

function CardFieldRow({ share, children }: { share: ReactNode; children: ReactNode }) {
  return (
    <div className="card-field">
      {children}
      {share}
    </div>
  );
}

interface ShareChoiceProps {
  field: CardField;
  checked: boolean;
  onChange: (on: boolean) => void;
}

/** "Share with my contacts" for one field; its name says which field for screen readers. */
function ShareChoice({ field, checked, onChange }: ShareChoiceProps) {
  const { t } = useTranslation();
  return (
    <label className="checkbox share-choice">
      <input
        type="checkbox"
        checked={checked}
        aria-label={t('card.shareNamed', { field: t(`card.fields.${field}`) })}
        onChange={(event) => onChange(event.target.checked)}
      />{' '}
      <span aria-hidden="true">{t('card.share')}</span>
    </label>
  );
}
