import { LANGUAGES } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language';
import { chooseLanguage } from '../lib/i18n';
import { LANGUAGE_AUTONYMS, isLanguage } from '../lib/language';

/** Switches the UI language at any time; the choice is remembered in this browser. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void chooseLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_AUTONYMS[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
