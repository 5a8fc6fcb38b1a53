import {
  DEFAULT_TABLE_CAPACITY,
  MAX_TABLE_CAPACITY,
  MIN_TABLE_CAPACITY,
  tableBodySchema,
  updateTableBodySchema,
  type Room,
  type Table,
} from '@kohtaamo/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import * as api from '../../lib/api';
import { checkBody } from '../../lib/errors';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';

interface TablesEditorProps {
  fairId: string;
  room: Room;
  roomName: string;
  onChanged: () => void;
}

const capacityLimits = { min: MIN_TABLE_CAPACITY, max: MAX_TABLE_CAPACITY };

interface CapacityFieldProps {
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  hint?: string;
}

/** Seats at a table, limited to what the protocol allows. */
function CapacityField(props: CapacityFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('tables.capacity')}
      type="number"
      inputMode="numeric"
      {...capacityLimits}
      required
      {...props}
    />
  );
}

/** A room's tables: add one, change a table's capacity, delete one. */
export function TablesEditor({ fairId, room, roomName, onChanged }: TablesEditorProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('tables.title')}</h3>
      {room.tables.length === 0 ? (
        <p className="muted">{t('tables.empty')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('tables.listLabel', { room: roomName })}>
          {room.tables.map((table) => (
            <li key={table.id}>
              <TableRow fairId={fairId} table={table} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
      <AddTableForm fairId={fairId} roomId={room.id} onAdded={onChanged} />
    </>
  );
}

function TableRow({
  fairId,
  table,
  onChanged,
}: {
  fairId: string;
  table: Table;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [capacity, setCapacity] = useState(String(table.capacity));
  const { pending, succeeded, formError, fieldError, submit } = useFormSubmit();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = { capacity: Number(capacity) };
    const saved = await submit(() =>
      api.updateTable(fairId, table.id, checkBody(updateTableBodySchema, body)),
    );
    if (saved) onChanged();
  };
  const remove = async () => {
    if (await submit(() => api.deleteTable(fairId, table.id))) onChanged();
  };

  return (
    <form
      className="table-row"
      noValidate
      aria-label={t('tables.rowLabel', { name: table.name })}
      onSubmit={(event) => void save(event)}
    >
      <p className="table-name">{table.name}</p>
      <CapacityField value={capacity} onValue={setCapacity} error={fieldError('capacity')} />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t('tables.saveCapacity')}
        </button>
        <ConfirmButton
          label={t('tables.delete')}
          accessibleName={t('tables.deleteNamed', { name: table.name })}
          question={t('tables.deleteQuestion', { name: table.name })}
          confirmLabel={t('common.confirmDelete')}
          onConfirm={() => void remove()}
          disabled={pending}
        />
      </div>
      <FormAlert message={formError} />
      <FormStatus message={succeeded ? t('common.saved') : undefined} />
    </form>
  );
}

function AddTableForm({
  fairId,
  roomId,
  onAdded,
}: {
  fairId: string;
  roomId: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState(String(DEFAULT_TABLE_CAPACITY));
  const { pending, formError, fieldError, submit } = useFormSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name, capacity: Number(capacity) };
    const added = await submit(() =>
      api.createTable(fairId, roomId, checkBody(tableBodySchema, body)),
    );
    if (added) {
      setName('');
      onAdded();
    }
  };

  return (
    <form
      className="form subform"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h4 id={headingId}>{t('tables.addTitle')}</h4>
      <div className="field-row">
        <TextField
          label={t('tables.name')}
          required
          maxLength={80}
          value={name}
          onValue={setName}
          error={fieldError('name')}
        />
        <CapacityField
          hint={t('tables.capacityHint', capacityLimits)}
          value={capacity}
          onValue={setCapacity}
          error={fieldError('capacity')}
        />
      </div>
      <FormAlert message={formError} />
      <button type="submit" className="primary" disabled={pending}>
        {t('tables.add')}
      </button>
    </form>
  );
}
