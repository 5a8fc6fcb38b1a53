import type { PersonRef } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';

/** A person in presence lists: name, "(you)" for oneself, and organisation. */
export function PersonName({ person, meId }: { person: PersonRef; meId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="person-name">{person.name}</span>
      {person.id === meId && <> {t('live.you')}</>}
      {person.organisation && <span className="muted">, {person.organisation}</span>}
    </>
  );
}
