import { describe, expect, it } from 'vitest';
import type { LiveControl } from '../src/domain/live-agenda';
import type { Store } from '../src/store/types';
import { storeBackends, useStore } from './store-backends';
import { createFair, createRoom, expectCheckViolation, unknownId } from './store-fixtures';

describe.each(storeBackends)('controls of the live agenda in the store ($name)', (backend) => {
  let store: Store;
  useStore(backend, (opened) => (store = opened));

  it('keeps every kind of control and lists them in the order taken, ties by arrival', async () => {
    const { fair, organiser } = await createFair(store);
    const room = await createRoom(store, fair.id);
    const itemId = unknownId();
    const atMs = Date.parse('2021-03-10T10:00:00Z');
    const controls: LiveControl[] = [
      { kind: 'fair.pause', atMs: atMs + 3000 },
      { kind: 'fair.start', atMs },
      { kind: 'item.extend', itemId, minutes: 5, atMs: atMs + 1000 },
      { kind: 'room.start', roomId: room.id, minutes: 10, atMs: atMs + 1000 },
      { kind: 'item.end', itemId, atMs: atMs + 2000 },
      { kind: 'room.end', roomId: room.id, atMs: atMs + 2000 },
    ];
    for (const control of controls) {
      await store.agendaControls.append(fair.id, control, organiser.id);
    }
    const [pause, start, extend, roomStart, end, roomEnd] = controls;
    expect(await store.agendaControls.list(fair.id)).toEqual([
      start,
      extend,
      roomStart,
      end,
      roomEnd,
      pause,
    ]);
    const other = await createFair(store);
    expect(await store.agendaControls.list(other.fair.id)).toEqual([]);
  });

  it('refuses a control without the item or minutes its kind needs', async () => {
    const { fair, organiser } = await createFair(store);
    const broken = { kind: 'item.extend', itemId: unknownId(), atMs: 0 } as unknown as LiveControl;
    await expectCheckViolation(
      store.agendaControls.append(fair.id, broken, organiser.id),
      'agenda_controls_minutes_given',
    );
  });
});
