import { updateFairBodySchema, type Fair } from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { FairFields } from './FairFields';
import { fairBodyOf, fairFormOf, type FairFormValues } from './fair-form';
import { MANAGE_SECTIONS } from './manage-sections';

interface FairDetailsFormProps {
  fair: Fair;
  onSaved: () => void;
}

export function FairDetailsForm({ fair, onSaved }: FairDetailsFormProps) {
  const { t } = useTranslation();
  const headingId = MANAGE_SECTIONS.details.id;
  const [values, setValues] = useState<FairFormValues>(() => fairFormOf(fair));
  const [threshold, setThreshold] = useState(String(fair.meetingThresholdSeconds));
  const { pending, succeeded, formError, fieldError, submit } = useFormSubmit();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const body = { ...fairBodyOf(values), meetingThresholdSeconds: Number(threshold) };
      await api.updateFair(fair.id, checkBody(updateFairBodySchema, body));
      onSaved();
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.detailsTitle')}</h2>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <FairFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          fieldError={fieldError}
        />
        <TextField
          label={t('manage.threshold')}
          hint={t('manage.thresholdHint')}
          type="number"
          inputMode="numeric"
          min={10}
          max={3600}
          value={threshold}
          onValue={setThreshold}
          error={fieldError('meetingThresholdSeconds')}
        />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('manage.saveDetails')}
        </button>
        <FormStatus message={succeeded ? t('common.saved') : undefined} />
      </form>
    </section>
  );
}
