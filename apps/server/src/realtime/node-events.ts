import type { FairStatus } from '@kohtaamo/protocol';

/**
 * What the server nodes tell each other (`io.serverSideEmit`, carried by the Redis stream; a
 * single node without Redis has nobody to tell).
 */
export interface NodeEvents {
  /** The fair's status changed: close the connections it no longer admits. */
  'fair.status': (fairId: string, status: FairStatus) => void;
  /** The fair's agenda or its live controls changed: reload the live agenda. */
  'agenda.changed': (fairId: string) => void;
  /**
   * The fair's rooms or tables changed, or a stage call locked or freed them: reload them and
   * push their rules to presence now rather than when the layout cache expires, so that a new
   * room opens on every node at once and no node pushes rules older than the change.
   */
  'layout.changed': (fairId: string) => void;
}
