import type { Room } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { localeOf } from '../../lib/language';
import { HEAT_LEVELS, occupancyView, type RoomHeat, type TableHeat } from './occupancy';
import { OccupancyTable, ruleNames } from './OccupancyTable';
import { OCCUPANCY_REFRESH_MS, useOccupancy } from './use-occupancy';

/**
 * Live occupancy of every room and table as a heat map: colour and numbers together (the colour
 * is never the only cue), a legend, and the same figures as a table for reading exactly.
 */
export function OccupancyMap({ rooms, timeZone }: { rooms: readonly Room[]; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const snapshot = useOccupancy(rooms.map((room) => room.id));
  const view = occupancyView(rooms, snapshot.lobby, snapshot.rooms, language);
  const fetchedAt =
    snapshot.fetchedAtMs === null
      ? null
      : new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'medium', timeZone }).format(
          snapshot.fetchedAtMs,
        );

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.occupancy.title')}</h2>
      <p className="hint">
        {t('dashboard.occupancy.hint', { seconds: OCCUPANCY_REFRESH_MS / 1000 })}{' '}
        {fetchedAt && t('dashboard.occupancy.updatedAt', { time: fetchedAt })}
      </p>
      {snapshot.failed && <p className="alert">{t('dashboard.occupancy.failed')}</p>}
      <dl className="occupancy-totals">
        <div>
          <dt>{t('dashboard.occupancy.inRooms')}</dt>
          <dd>{t('dashboard.occupancy.people', { count: view.inRooms })}</dd>
        </div>
        <div>
          <dt>{t('dashboard.occupancy.stage')}</dt>
          <dd>{t('dashboard.occupancy.people', { count: view.stageCount })}</dd>
        </div>
      </dl>
      {view.rooms.length === 0 ? (
        <p className="muted">{t('dashboard.occupancy.noRooms')}</p>
      ) : (
        <>
          <HeatLegend />
          <ul className="heat-rooms">
            {view.rooms.map((room) => (
              <RoomCell key={room.id} room={room} />
            ))}
          </ul>
          <details>
            <summary>{t('dashboard.occupancy.showTable')}</summary>
            <OccupancyTable rooms={view.rooms} />
          </details>
        </>
      )}
    </section>
  );
}

function HeatLegend() {
  const { t } = useTranslation();
  const levels = Array.from({ length: HEAT_LEVELS }, (_, level) => level);
  return (
    <ul className="heat-legend" aria-label={t('dashboard.occupancy.legend')}>
      {levels.map((level) => (
        <li key={level}>
          <span className={`heat-swatch heat-${level}`} aria-hidden="true" />
          {t(`dashboard.occupancy.level${level as 0 | 1 | 2 | 3 | 4}`)}
        </li>
      ))}
    </ul>
  );
}

function RoomCell({ room }: { room: RoomHeat }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <li className="heat-room">
      <div className={`heat-room-head heat-${room.level}`}>
        <h3 id={headingId}>{room.name}</h3>
        <p>
          {t('dashboard.occupancy.people', { count: room.count })}
          {!room.pending && <>, {t('dashboard.occupancy.standing', { count: room.standing })}</>}
        </p>
      </div>
      {room.pending ? (
        <p className="hint heat-room-head">{t('dashboard.occupancy.pending')}</p>
      ) : (
        <ul className="heat-tables" aria-labelledby={headingId}>
          {room.tables.map((table) => (
            <TableCell key={table.id} table={table} />
          ))}
        </ul>
      )}
    </li>
  );
}

function TableCell({ table }: { table: TableHeat }) {
  const { t } = useTranslation();
  const figures = { seated: table.seated, capacity: table.capacity };
  const rules = ruleNames(table, t);
  return (
    <li className={`heat-cell heat-${table.level}`}>
      <span aria-hidden="true">
        {table.name}
        <span className="count">{t('dashboard.occupancy.tableCell', figures)}</span>
        {rules.length > 0 && <span className="rule">{rules.join(', ')}</span>}
      </span>
      <span className="visually-hidden">
        {t('dashboard.occupancy.tableLabel', { table: table.name, ...figures })}
        {rules.length > 0 && `. ${rules.join(', ')}`}
      </span>
    </li>
  );
}
