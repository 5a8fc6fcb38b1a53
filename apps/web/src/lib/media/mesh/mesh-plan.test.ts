import type { MeshPeer } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { connectablePeers, diffPeers, slotAt, slotDirection } from './mesh-plan';

const peer = (id: string, publishes = true): MeshPeer => ({
  person: { id, name: id, organisation: '' },
  publishes,
});

describe('mesh slots', () => {
  it('sends and receives everything at a table', () => {
    for (const slot of ['audio', 'camera', 'screen'] as const) {
      expect(slotDirection({ slot, hasTrack: true, peerPublishes: true, audioOnly: false })).toBe(
        'sendrecv',
      );
    }
  });

  it('only receives on a slot without a local track (camera off, no screen shared)', () => {
    expect(
      slotDirection({ slot: 'camera', hasTrack: false, peerPublishes: true, audioOnly: false }),
    ).toBe('recvonly');
  });

  it('neither sends nor receives video in audio-only mode, but keeps the sound', () => {
    const audioOnly = { hasTrack: true, peerPublishes: true, audioOnly: true };
    expect(slotDirection({ ...audioOnly, slot: 'camera' })).toBe('inactive');
    expect(slotDirection({ ...audioOnly, slot: 'screen' })).toBe('inactive');
    expect(slotDirection({ ...audioOnly, slot: 'audio' })).toBe('sendrecv');
  });

  it('lets a stage speaker send to a viewer who sends nothing back', () => {
    expect(
      slotDirection({ slot: 'camera', hasTrack: true, peerPublishes: false, audioOnly: false }),
    ).toBe('sendonly');
  });

  it('names the slots by their order in the connection', () => {
    expect([0, 1, 2, 3].map(slotAt)).toEqual(['audio', 'camera', 'screen', null]);
  });
});

describe('mesh peers', () => {
  it('connects a stage viewer with the speakers only', () => {
    const viewer = peer('v1', false);
    const others = [peer('speaker'), peer('v2', false)];
    expect(connectablePeers(viewer, others).map((p) => p.person.id)).toEqual(['speaker']);
  });

  it('opens connections to newcomers and closes those to people who left', () => {
    const { open, close } = diffPeers(['a', 'b'], [peer('b'), peer('c')]);
    expect(open.map((p) => p.person.id)).toEqual(['c']);
    expect(close).toEqual(['a']);
  });

  it('changes nothing when the peers are the ones connected', () => {
    expect(diffPeers(['a'], [peer('a')])).toEqual({ open: [], close: [] });
  });
});
