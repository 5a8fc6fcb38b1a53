import {
  EXCHANGE_MESSAGE_MAX,
  type ContactPerson,
  type ExchangeStatus,
  type MetExchangeState,
} from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatchFocus, useFocusFirstControl, useReturnFocus } from '../../hooks/use-focus';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { askForCard } from './contacts-store';

/** Whom to ask: anyone the page knows by id and name (presence, the people met). */
type Asked = Pick<ContactPerson, 'id' | 'name'>;

interface AskCardButtonProps {
  person: Asked;
  state: MetExchangeState;
}

const STATE_TEXT = {
  contacts: 'ask.contacts',
  asked_by_me: 'ask.askedByMe',
  asked_me: 'ask.askedMe',
  declined: 'ask.declined',
  blocked: 'ask.blocked',
} as const;

/**
 * Where the exchange of cards with a person stands, or a button to ask for their card. Asking
 * opens a small form in place for an optional message.
 */
export function AskCardButton({ person, state }: AskCardButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState<ExchangeStatus | null>(null);
  const buttonRef = useReturnFocus<HTMLButtonElement>(asking);

  // Right after asking, the status line says what happened until the state moves on (an
  // answer arrives), and the state would only repeat it.
  const justSent = sent !== null && state === (sent === 'accepted' ? 'contacts' : 'asked_by_me');
  // The form that had focus closes once sent; focus goes on from the news of it.
  const newsRef = useCatchFocus<HTMLDivElement>(justSent);

  let body = null;
  if (state !== 'none') {
    if (!justSent) {
      body = <p className="exchange-state">{t(STATE_TEXT[state], { name: person.name })}</p>;
    }
  } else if (asking) {
    body = <AskForm person={person} onSent={setSent} onCancel={() => setAsking(false)} />;
  } else {
    body = (
      <p className="card-action">
        <button ref={buttonRef} type="button" onClick={() => setAsking(true)}>
          {t('ask.buttonNamed', { name: person.name })}
        </button>
      </p>
    );
  }
  return (
    <div className="ask-card" ref={newsRef} tabIndex={-1}>
      {body}
      <FormStatus message={justSent ? t(sentText(sent), { name: person.name }) : undefined} />
    </div>
  );
}

/** Asking someone who had asked me already makes us contacts at once. */
function sentText(status: ExchangeStatus) {
  return status === 'accepted' ? 'ask.nowContacts' : 'ask.sent';
}

interface AskFormProps {
  person: Asked;
  onSent: (status: ExchangeStatus) => void;
  onCancel: () => void;
}

function AskForm({ person, onSent, onCancel }: AskFormProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const { pending, formError, submit } = useFormSubmit();
  const formRef = useFocusFirstControl<HTMLFormElement>(onCancel);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Once sent, the person's state is no longer "none" and this form closes by itself.
    let status: ExchangeStatus = 'pending';
    const ok = await submit(async () => {
      status = (await askForCard(person.id, message.trim())).status;
    });
    if (ok) onSent(status);
  };

  return (
    <form
      ref={formRef}
      className="form subform"
      noValidate
      aria-label={t('ask.formLabel', { name: person.name })}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <Field label={t('ask.message')} hint={t('ask.messageHint', { name: person.name })}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={EXCHANGE_MESSAGE_MAX}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        )}
      </Field>
      <FormAlert message={formError} />
      <FormActions submitLabel={t('ask.send')} pending={pending} onCancel={onCancel} />
    </form>
  );
}
