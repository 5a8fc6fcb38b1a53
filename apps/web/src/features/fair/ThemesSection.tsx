import { pickText, type Room } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { knownNames } from './people';

interface ThemesSectionProps {
  rooms: readonly Room[];
  /** Display names by registration id, for the facilitators. */
  namesById: ReadonlyMap<string, string>;
}

/** The fair's themed rooms: who facilitates each, its tables and how many each seats. */
export function ThemesSection({ rooms, namesById }: ThemesSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('themes.title')}</h2>
      {rooms.length === 0 ? (
        <p className="muted">{t('themes.empty')}</p>
      ) : (
        <ul className="card-list" aria-labelledby={headingId}>
          {rooms.map((room) => {
            const name = pickText(room.names, language);
            const description = pickText(room.description, language);
            const facilitators = knownNames(room.facilitatorIds, namesById);
            return (
              <li key={room.id} className="card">
                <h3>{name}</h3>
                {description && <p>{description}</p>}
                {facilitators.length > 0 && (
                  <p>
                    {t('themes.facilitators', {
                      count: facilitators.length,
                      names: facilitators.join(', '),
                    })}
                  </p>
                )}
                {room.tables.length === 0 ? (
                  <p className="muted">{t('themes.noTables')}</p>
                ) : (
                  <ul aria-label={t('themes.tablesOf', { room: name })}>
                    {room.tables.map((table) => (
                      <li key={table.id}>
                        {t('themes.table', { name: table.name, count: table.capacity })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
