import { copyFairBodySchema, type Fair } from '@kohtaamo/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { paths } from '../../lib/navigation';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { MANAGE_SECTIONS } from './manage-sections';

/**
 * Starts next year's fair from this one: the same themes, tables and agenda on a new first day,
 * at the same times of day in the fair's time zone; nobody's registration or data comes along.
 */
export function CopyFairSection({ fair }: { fair: Fair }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = MANAGE_SECTIONS.copy.id;
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState('');
  const { pending, formError, fieldError, submit } = useFormSubmit();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const copy = await api.copyFair(fair.id, checkBody(copyFairBodySchema, { title, startDate }));
      await navigate(paths.manage(copy.id));
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('copyFair.title')}</h2>
      <p className="muted">{t('copyFair.explanation', { timeZone: fair.timeZone })}</p>
      <form className="form" noValidate aria-labelledby={headingId} onSubmit={handleSubmit}>
        <TextField
          label={t('copyFair.newTitle')}
          required
          maxLength={200}
          value={title}
          onValue={setTitle}
          error={fieldError('title')}
        />
        <TextField
          label={t('copyFair.startDate')}
          hint={t('copyFair.startDateHint', { timeZone: fair.timeZone })}
          type="date"
          required
          value={startDate}
          onValue={setStartDate}
          error={fieldError('startDate')}
        />
        <FormAlert message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('copyFair.submit')}
        </button>
      </form>
    </section>
  );
}
