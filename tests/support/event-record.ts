import type { PresenceDiff, Scope } from '@kohtaamo/protocol';
import type { Socket } from 'socket.io-client';

/**
 * Everything the server sent one connection after `mark()`, and whether the connection broke,
 * so a test can say exactly what a person noticed while something failed elsewhere.
 */
export class EventRecord {
  private events: { name: string; payload: unknown }[] = [];
  disconnects = 0;

  constructor(socket: Socket) {
    socket.onAny((name: string, payload: unknown) => this.events.push({ name, payload }));
    socket.on('disconnect', () => (this.disconnects += 1));
  }

  /** Forgets what came before: from now on is what the test asks about. */
  mark(): void {
    this.events = [];
    this.disconnects = 0;
  }

  names(): string[] {
    return [...new Set(this.events.map((event) => event.name))].sort();
  }

  diffs(scope: Scope): PresenceDiff[] {
    return this.events
      .filter((event) => event.name === 'presence.diff')
      .map((event) => event.payload as PresenceDiff)
      .filter((diff) => diff.scope === scope);
  }
}

/**
 * Breaks in a scope's chain of diffs (a diff whose `prevSeq` is not the previous diff's `seq`),
 * starting from `fromSeq`: each one would make the client fetch a snapshot.
 */
export function chainBreaks(diffs: readonly PresenceDiff[], fromSeq: number): string[] {
  const breaks: string[] = [];
  let at = fromSeq;
  for (const diff of diffs) {
    if (diff.prevSeq !== at) breaks.push(`seq ${diff.seq} follows ${diff.prevSeq}, not ${at}`);
    at = diff.seq;
  }
  return breaks;
}
