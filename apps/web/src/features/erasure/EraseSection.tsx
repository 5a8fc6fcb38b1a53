import type { Fair, FairErasureResponse } from '@kohtaamo/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLanguage } from '../../hooks/use-language';
import { eraseFairData } from '../../lib/api-data-rights';
import { localeOf } from '../../lib/language';
import { paths } from '../../lib/navigation';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { MANAGE_SECTIONS } from '../organiser/manage-sections';
import { erasureDate, erasureStage } from './erasure-stage';

/**
 * The organiser's last step: erase the fair's personal data once it is closed. The fair's name
 * is typed back as the confirmation; the result replaces the form and takes focus.
 */
export function EraseSection({ fair, onErased }: { fair: Fair; onErased: () => void }) {
  const { t } = useTranslation();
  const locale = localeOf(useLanguage());
  const headingId = MANAGE_SECTIONS.erase.id;
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<FairErasureResponse | null>(null);
  const erasure = useFormSubmit({ confirmation: 'issues.confirmation' });
  // The answer carries the erased fair; the page's own copy follows once it has reloaded.
  const stage = erasureStage(result?.fair ?? fair, typed);
  const people = result?.people ?? null;
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void erasure.submit(async () => {
      setResult(await eraseFairData(fair.id, { confirmation: typed }));
      onErased();
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('erase.title')}</h2>
      {stage.kind === 'erased' && (
        <div ref={resultRef} tabIndex={-1} role="status" className="notice">
          <p>
            {t('erase.done', { date: erasureDate(stage.erasedAt, locale, fair.timeZone) })}
            {people !== null && ` ${t('erase.people', { count: people })}`}
          </p>
          <p>
            <Link to={paths.report(fair.id)}>{t('erase.reportLink')}</Link>
          </p>
        </div>
      )}
      {stage.kind !== 'erased' && (
        <>
          <p>{t('erase.explanation')}</p>
          <ul>
            <li>{t('erase.removes')}</li>
            <li>{t('erase.keeps')}</li>
            <li>{t('erase.final')}</li>
          </ul>
        </>
      )}
      {stage.kind === 'notClosed' && <p className="notice">{t('erase.closeFirst')}</p>}
      {stage.kind === 'confirming' && (
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('erase.confirmLabel', { title: fair.title })}
            hint={t('erase.confirmHint')}
            error={erasure.fieldError('confirmation')}
            value={typed}
            onValue={setTyped}
            autoComplete="off"
            spellCheck={false}
          />
          <FormAlert message={erasure.formError} />
          <div className="actions">
            <button type="submit" className="danger" disabled={!stage.confirmed || erasure.pending}>
              {erasure.pending ? t('erase.erasing') : t('erase.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
