import type { ModerationLogEntry, Room } from '@kohtaamo/protocol';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { useResource } from '../../hooks/use-resource';
import { getModerationLog } from '../../lib/api-moderation';
import { localeOf } from '../../lib/language';
import { onLiveEvent } from '../../lib/realtime/live-events';
import { ResourceView } from '../../ui/ResourceView';
import { ScrollTable } from '../../ui/ScrollTable';
import { useConnectionStore } from '../live/connection-store';
import { useFairNames } from '../live/use-fair-names';
import { logRow, logTimeFormat, mergeLogEntries } from './moderation-log';

interface ModerationLogProps {
  fairId: string;
  rooms: readonly Room[];
  timeZone: string;
}

/**
 * The fair's moderation log: loaded over REST, then kept current with `moderation.logged`.
 * Loaded again when the live connection comes back, since entries heard while it was down are
 * not replayed.
 */
export function ModerationLog({ fairId, rooms, timeZone }: ModerationLogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const load = useCallback(() => getModerationLog(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  const [heard, setHeard] = useState<ModerationLogEntry[]>([]);

  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current) reload();
    wasConnected.current = connected;
  }, [connected, reload]);

  useEffect(
    () =>
      onLiveEvent('moderation.logged', (entry) =>
        setHeard((previous) => mergeLogEntries(previous, [entry])),
      ),
    [],
  );

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.log.title')}</h2>
      <ResourceView resource={resource} onRetry={reload}>
        {(loaded) => (
          <LogTable entries={mergeLogEntries(loaded, heard)} rooms={rooms} timeZone={timeZone}>
            <button type="button" onClick={reload}>
              {t('dashboard.log.reload')}
            </button>
          </LogTable>
        )}
      </ResourceView>
    </section>
  );
}

interface LogTableProps {
  entries: readonly ModerationLogEntry[];
  rooms: readonly Room[];
  timeZone: string;
  children: ReactNode;
}

function LogTable({ entries, rooms, timeZone, children }: LogTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const names = useFairNames(rooms);
  const format = logTimeFormat(localeOf(language), timeZone);
  const caption = t('dashboard.log.caption');
  if (entries.length === 0) {
    return (
      <>
        <p className="muted">{t('dashboard.log.empty')}</p>
        <div className="actions">{children}</div>
      </>
    );
  }
  return (
    <>
      <ScrollTable
        caption={caption}
        columns={[
          t('dashboard.log.time'),
          t('dashboard.log.actor'),
          t('dashboard.log.action'),
          t('dashboard.log.target'),
          t('dashboard.log.place'),
          t('dashboard.log.reason'),
        ]}
      >
        {entries.map((entry) => {
          const row = logRow(entry, names, t, format);
          return (
            <tr key={row.id}>
              <th scope="row">
                <time dateTime={entry.at}>{row.time}</time>
              </th>
              <td>{row.actor}</td>
              <td>{row.action}</td>
              <td>{row.target}</td>
              <td>{row.place}</td>
              <td>{row.reason}</td>
            </tr>
          );
        })}
      </ScrollTable>
      <div className="actions">{children}</div>
    </>
  );
}
