import { createFairBodySchema } from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { paths } from '../../lib/navigation';
import { FormAlert } from '../../ui/FormAlert';
import { FairFields } from './FairFields';
import { emptyFairForm, fairBodyOf, type FairFormValues } from './fair-form';

/** Anyone signed in can create a fair and becomes its organiser; then it opens for managing. */
export function CreateFairForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const [values, setValues] = useState<FairFormValues>(emptyFairForm);
  const { pending, formError, fieldError, submit } = useFormSubmit();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const fair = await api.createFair(checkBody(createFairBodySchema, fairBodyOf(values)));
      await navigate(paths.manage(fair.id));
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('createFair.title')}</h2>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <FairFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          fieldError={fieldError}
        />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('createFair.submit')}
        </button>
      </form>
    </section>
  );
}
