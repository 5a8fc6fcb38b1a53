import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { liveRequest } from '../live/live-session';
import type { TableView } from '../live/room-view';
import { tableRuleChanges } from './moderation-rights';
import { ruleNames } from './OccupancyTable';
import { useModeration } from './use-moderation';

/** Each table of the room with its switches: lock / unlock and close / open. */
export function TableRules({ tables }: { tables: readonly TableView[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { pending, run } = useModeration();

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('facilitator.tablesTitle')}</h3>
      <p className="hint">{t('facilitator.tablesHint')}</p>
      <ul className="plain-list" aria-labelledby={headingId}>
        {tables.map((table) => (
          <li key={table.id}>
            <p>
              <span className="person-name">{table.name}</span>:{' '}
              {t('liveRoom.seatsFree', { free: table.free, capacity: table.capacity })}
              {ruleNames(table, t).map((rule) => (
                <span key={rule}> · {rule}</span>
              ))}
            </p>
            <div className="moderation-controls">
              {tableRuleChanges(table).map((change) => (
                <button
                  key={change}
                  type="button"
                  aria-label={t(`facilitator.ruleNamed.${change}`, { table: table.name })}
                  disabled={pending}
                  onClick={() =>
                    void run(
                      () => liveRequest('moderation.table', { tableId: table.id, change }),
                      (entry) => ({ kind: 'moderated', entry }),
                    )
                  }
                >
                  {t(`facilitator.rule.${change}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
