import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDeviceChoice } from '../../lib/media/devices';
import { CallView } from './CallView';
import { DeviceCheck } from './DeviceCheck';

/** The video call of the table this person sits at, after the device check the first time. */
export function TableCall({ tableId, tableName }: { tableId: string; tableName: string }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(() => loadDeviceChoice().checked);
  if (!checked) return <DeviceCheck onDone={() => setChecked(true)} />;
  return (
    <CallView
      place={{ kind: 'table', tableId }}
      title={t('call.tableTitle', { table: tableName })}
      publishes
      emptyText={t('call.alone')}
    />
  );
}
