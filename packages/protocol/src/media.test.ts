import { describe, expect, it } from 'vitest';
import {
  isPolitePeer,
  mediaEvents,
  type MeshPeer,
  meshInitiator,
  meshPeersConnect,
  publishesAt,
} from './media';

function peer(id: string, publishes: boolean): MeshPeer {
  return { person: { id, name: id, organisation: '' }, publishes };
}

const table = { kind: 'table', tableId: '8d7e6f5a-4b3c-4d2e-8f1a-9b8c7d6e5f4a' } as const;
const stage = { kind: 'stage' } as const;

describe('media rules both sides follow', () => {
  it('lets everyone publish at a table and only speakers and organisers on the stage', () => {
    expect(publishesAt(table, 'participant')).toBe(true);
    expect(publishesAt(stage, 'participant')).toBe(false);
    expect(publishesAt(stage, 'facilitator')).toBe(false);
    expect(publishesAt(stage, 'speaker')).toBe(true);
    expect(publishesAt(stage, 'organiser')).toBe(true);
  });

  it('connects viewers of the stage with its publishers only', () => {
    expect(meshPeersConnect(peer('a', true), peer('b', true))).toBe(true);
    expect(meshPeersConnect(peer('a', true), peer('b', false))).toBe(true);
    expect(meshPeersConnect(peer('a', false), peer('b', false))).toBe(false);
    expect(meshPeersConnect(peer('a', true), peer('a', true))).toBe(false);
  });

  it('names one initiator per pair, whichever side asks, and makes the other side polite', () => {
    const pairs: [MeshPeer, MeshPeer][] = [
      [peer('a', true), peer('b', true)],
      [peer('b', true), peer('a', true)],
      [peer('a', false), peer('b', true)],
    ];
    for (const [x, y] of pairs) {
      expect(meshInitiator(x, y)).toBe(meshInitiator(y, x));
      expect(isPolitePeer(x, y)).not.toBe(isPolitePeer(y, x));
    }
    expect(meshInitiator(peer('b', true), peer('a', true))).toBe('a');
    // The publisher offers to a viewer, who has nothing to send.
    expect(meshInitiator(peer('a', false), peer('b', true))).toBe('b');
  });

  it('takes an SDP offer above the ordinary event size and refuses an unknown signal', () => {
    const payload = mediaEvents['media.signal'].payload;
    const sdp = 'a=rtpmap:96 VP8/90000\r\n'.repeat(400);
    const ok = payload.safeParse({
      place: stage,
      to: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
      signal: { kind: 'description', description: { type: 'offer', sdp } },
    });
    expect(ok.success).toBe(true);
    expect(
      payload.safeParse({
        place: stage,
        to: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
        signal: { kind: 'bye' },
      }).success,
    ).toBe(false);
  });
});
