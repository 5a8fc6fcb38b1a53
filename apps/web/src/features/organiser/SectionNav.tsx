import { useTranslation } from 'react-i18next';
import { MANAGE_SECTIONS } from './manage-sections';

/**
 * Links to the manage page's sections. With a fair of many rooms the page runs over several
 * screens, and this saves scrolling past everything to reach the agenda or the registrations.
 */
export function SectionNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('manage.sectionsNav')} className="section-nav">
      <ul>
        {Object.values(MANAGE_SECTIONS).map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{t(section.title)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
