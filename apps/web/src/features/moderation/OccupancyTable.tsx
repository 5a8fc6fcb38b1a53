import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable';
import type { RoomHeat, TableHeat } from './occupancy';

/** A table's rules in words ("Closed, Locked"); empty when it is open to all. */
export function ruleNames(table: Pick<TableHeat, 'closed' | 'locked'>, t: TFunction): string[] {
  return [
    table.closed ? t('liveRoom.closed') : null,
    table.locked ? t('liveRoom.locked') : null,
  ].filter((rule) => rule !== null);
}

/** The heat map's figures as a table: every table of every room, and who stands in each room. */
export function OccupancyTable({ rooms }: { rooms: readonly RoomHeat[] }) {
  const { t } = useTranslation();
  const caption = t('dashboard.occupancy.tableCaption');
  return (
    <ScrollTable
      caption={caption}
      columns={[
        t('dashboard.occupancy.room'),
        t('dashboard.occupancy.table'),
        t('dashboard.occupancy.seated'),
        t('dashboard.occupancy.capacity'),
        t('dashboard.occupancy.state'),
      ]}
    >
      {rooms.map((room) => (
        <Fragment key={room.id}>
          {/* Before its snapshot arrives a room's tables would all read as empty. */}
          {!room.pending &&
            room.tables.map((table) => (
              <tr key={table.id}>
                <td>{room.name}</td>
                <th scope="row">{table.name}</th>
                <td>{table.seated}</td>
                <td>{table.capacity}</td>
                <td>{ruleNames(table, t).join(', ') || t('dashboard.occupancy.open')}</td>
              </tr>
            ))}
          <tr>
            <td>{room.name}</td>
            {room.pending ? (
              <th scope="row" colSpan={4}>
                {t('dashboard.occupancy.pending')}
              </th>
            ) : (
              <>
                <th scope="row">{t('dashboard.occupancy.standingRow')}</th>
                <td>{room.standing}</td>
                <td>{t('dashboard.log.none')}</td>
                <td>{t('dashboard.log.none')}</td>
              </>
            )}
          </tr>
        </Fragment>
      ))}
    </ScrollTable>
  );
}
