import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What registering stores and shows, in plain words, in the order a person would ask. */
const CONSENT_POINTS = [
  'join.consent.stored',
  'join.consent.profileSeen',
  'join.consent.cards',
  'join.consent.organiser',
  'join.consent.rights',
] as const;

interface DataConsentProps {
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error?: string | undefined;
}

/**
 * The consent to the data use that registering needs: the explanation comes first, so the box
 * is ticked after reading it, and the checkbox is described by the explanation and any error.
 */
export function DataConsent({ checked, onChecked, error }: DataConsentProps) {
  const { t } = useTranslation();
  const id = useId();
  const explanationId = `${id}-explanation`;
  const errorId = `${id}-error`;
  return (
    <fieldset className="checkbox-group consent">
      <legend>{t('join.consent.legend')}</legend>
      <ul id={explanationId} className="consent-points">
        {CONSENT_POINTS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          required
          aria-describedby={error ? `${explanationId} ${errorId}` : explanationId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChecked(event.target.checked)}
        />{' '}
        <span>{t('join.consent.agree')}</span>
      </label>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
