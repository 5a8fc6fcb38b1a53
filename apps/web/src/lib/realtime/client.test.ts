import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRealtimeClient, type ConnectionStatus, type RealtimeHandlers } from './client';
import { fakeSockets } from './fake-socket';

const FAIR_ID = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';
const TABLE_ID = '8f1d7c0e-2a3b-4c5d-8e9f-1a2b3c4d5e01';
const ROOM_ID = '3b6c2a52-5f0e-4b7e-9d55-0b4a9a1e0a01';
const atTable = {
  location: { kind: 'table', roomId: ROOM_ID, tableId: TABLE_ID },
  scope: `room:${ROOM_ID}`,
};

function setup(options = {}) {
  const fake = fakeSockets();
  const statuses: ConnectionStatus['kind'][] = [];
  const handlers: RealtimeHandlers = {
    status: vi.fn((status: ConnectionStatus) => statuses.push(status.kind)),
    diff: vi.fn(),
    self: vi.fn(),
    media: vi.fn(),
    personal: vi.fn(),
    live: vi.fn(),
  };
  const client = createRealtimeClient(fake.open, handlers, {
    ackTimeoutMs: 1_000,
    retryDelayMs: 2_000,
    ...options,
  });
  client.connect(FAIR_ID);
  return { client, handlers, statuses, socket: fake.latest(), fake };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('realtime client: connection status', () => {
  it('connects to the fair it is given and reports connecting, then connected', () => {
    const { socket, statuses, client } = setup();
    expect(socket.fairId).toBe(FAIR_ID);
    expect(socket.connectCalls).toBe(1);
    socket.open();
    expect(statuses).toEqual(['connecting', 'connected']);
    expect(client.status()).toEqual({ kind: 'connected' });
  });

  it('reports reconnecting while Socket.IO restores a lost connection', () => {
    const { socket, statuses } = setup();
    socket.open();
    socket.drop('transport close', true);
    socket.open();
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(socket.connectCalls).toBe(1);
  });

  it('tries again itself after the server closes the connection without saying why', () => {
    const { socket, statuses } = setup();
    socket.open();
    socket.drop('io server disconnect', false);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(1_999);
    expect(socket.connectCalls).toBe(1);
    vi.advanceTimersByTime(1);
    expect(socket.connectCalls).toBe(2);
  });

  it('reports a refusal with its code and stays away', () => {
    const { socket, client } = setup();
    socket.refuse({ code: 'NOT_REGISTERED' });
    expect(client.status()).toEqual({ kind: 'refused', code: 'NOT_REGISTERED' });
    expect(socket.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(socket.connectCalls).toBe(1);
  });

  it('keeps trying when a connection fails for a reason it does not know', () => {
    const { socket, client } = setup();
    socket.refuse({ message: 'The server could not check your session' }, false);
    expect(client.status()).toEqual({ kind: 'connecting' });
    vi.advanceTimersByTime(2_000);
    expect(socket.connectCalls).toBe(2);
  });

  it('stops for good when another tab takes over, until asked to connect again', () => {
    const { socket, client, fake } = setup();
    socket.open();
    socket.push('session.replaced');
    expect(client.status()).toEqual({ kind: 'replaced' });
    expect(socket.closed).toBe(true);
    socket.drop('io server disconnect', false);
    vi.advanceTimersByTime(60_000);
    expect(socket.connectCalls).toBe(1);
    expect(client.status()).toEqual({ kind: 'replaced' });

    client.connect(FAIR_ID);
    expect(fake.sockets).toHaveLength(2);
    expect(client.status()).toEqual({ kind: 'connecting' });
  });

  it('ignores a socket it has already replaced', () => {
    const { socket, client, statuses } = setup();
    client.connect(FAIR_ID);
    socket.open();
    expect(statuses).toEqual(['connecting', 'connecting']);
  });
});

describe('realtime client: server events', () => {
  it('passes on checked diffs and own places, and drops what does not match the protocol', () => {
    const { socket, handlers } = setup();
    socket.open();
    const diff = {
      scopeKind: 'lobby',
      scope: 'lobby',
      seq: 2,
      prevSeq: 1,
      change: { kind: 'occupancy', rooms: [], stageCount: 0 },
    };
    socket.push('presence.diff', diff);
    socket.push('presence.diff', { ...diff, seq: 'two' });
    socket.push('presence.self', atTable);
    socket.push('presence.self', { location: { kind: 'garden' }, scope: null });
    socket.push('something.new', {});
    expect(handlers.diff).toHaveBeenCalledTimes(1);
    expect(handlers.diff).toHaveBeenCalledWith(diff);
    expect(handlers.self).toHaveBeenCalledTimes(1);
    expect(handlers.self).toHaveBeenCalledWith(atTable);
  });

  it('passes on card requests, answers and people met, and drops malformed ones', () => {
    const { socket, handlers } = setup();
    socket.open();
    const person = (id: string, name: string) => ({
      id,
      name,
      organisation: 'Silta ry',
      organisationType: 'ngo',
    });
    const request = {
      id: '5d0c1f7e-3b2a-4c9d-8e7f-6a5b4c3d2e01',
      from: person('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e01', 'Äänekoski Åsa'),
      to: person('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e02', 'Leila'),
      message: '',
      status: 'pending',
      createdAt: '2021-03-10T10:00:00.000Z',
      answeredAt: null,
    };
    socket.push('contacts.request', request);
    socket.push('contacts.answered', { ...request, status: 'accepted' });
    socket.push('contacts.withdrawn', { ...request, status: 'maybe' });
    socket.push('meetings.changed', { newPeople: 3, newOrganisations: 2 });
    socket.push('meetings.changed', { newPeople: -1, newOrganisations: 2 });
    expect(vi.mocked(handlers.personal).mock.calls.map(([event]) => event)).toEqual([
      { kind: 'contactRequest', request },
      { kind: 'contactAnswered', request: { ...request, status: 'accepted' } },
      { kind: 'meetingsChanged', change: { newPeople: 3, newOrganisations: 2 } },
    ]);
  });
});

describe('realtime client: live feature events', () => {
  it('hands on checked feature events by name, and drops malformed and unknown ones', () => {
    const { socket, handlers } = setup();
    socket.open();
    const broadcast = {
      id: '5d0c1f7e-3b2a-4c9d-8e7f-6a5b4c3d2e09',
      from: { id: TABLE_ID, name: 'Riikka', organisation: 'Kaupunki' },
      audience: { kind: 'room', roomId: ROOM_ID },
      text: 'Kahvi on valmis',
      sentAt: '2026-11-29T10:00:00.000Z',
    };
    socket.push('live.broadcast', broadcast);
    socket.push('live.broadcast', { ...broadcast, text: '' });
    socket.push('live.somethingNewer', broadcast);
    expect(vi.mocked(handlers.live).mock.calls.map(([event]) => event)).toEqual([
      { name: 'live.broadcast', payload: broadcast },
    ]);
  });
});

describe('realtime client: media events', () => {
  it('passes on checked peer changes and signals, and drops malformed ones', () => {
    const { socket, handlers } = setup();
    socket.open();
    const place = { kind: 'table', tableId: TABLE_ID };
    const peer = {
      place,
      peer: { person: { id: TABLE_ID, name: 'Matti', organisation: 'Kunta' }, publishes: true },
      present: false,
    };
    const signal = {
      place,
      from: ROOM_ID,
      signal: { kind: 'description', description: { type: 'offer', sdp: 'v=0' } },
    };
    socket.push('media.peer', peer);
    socket.push('media.signal', signal);
    socket.push('media.signal', { ...signal, from: 'someone' });
    expect(handlers.media).toHaveBeenCalledTimes(2);
    expect(handlers.media).toHaveBeenNthCalledWith(1, { type: 'peer', event: peer });
    expect(handlers.media).toHaveBeenNthCalledWith(2, { type: 'signal', delivery: signal });
  });
});

describe('realtime client: requests', () => {
  it('sends the event and resolves to the checked acknowledgement data', async () => {
    const { socket, client } = setup();
    socket.answer('presence.go', () => ({ ok: true, data: atTable }));
    socket.open();
    const to = { kind: 'table', tableId: TABLE_ID } as const;
    await expect(client.request('presence.go', { to })).resolves.toEqual({
      ok: true,
      data: atTable,
    });
    expect(socket.sentEvents('presence.go')).toEqual([{ to }]);
  });

  it('resolves to the server’s error when the acknowledgement says no', async () => {
    const { socket, client } = setup();
    const error = { code: 'TABLE_FULL', message: 'The table is full' };
    socket.answer('presence.go', () => ({ ok: false, error }));
    socket.open();
    const result = await client.request('presence.go', {
      to: { kind: 'table', tableId: TABLE_ID },
    });
    expect(result).toEqual({ ok: false, error });
  });

  it('does not trust an acknowledgement outside the protocol', async () => {
    const { socket, client } = setup();
    socket.answer('presence.self', () => ({ ok: true, data: { location: 'lobby' } }));
    socket.open();
    const result = await client.request('presence.self', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_RESPONSE' } });
  });

  it('does not send a payload the protocol would refuse', async () => {
    const { socket, client } = setup();
    socket.open();
    const result = await client.request('presence.go', {
      to: { kind: 'table', tableId: 'not-a-table' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(socket.sent).toEqual([]);
  });

  it('fails at once while not connected', async () => {
    const { client, socket } = setup();
    const result = await client.request('presence.self', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(socket.sent).toEqual([]);
  });

  it('gives up when no acknowledgement comes in time', async () => {
    const { socket, client } = setup();
    socket.open();
    const pending = client.request('presence.self', {});
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });
});
