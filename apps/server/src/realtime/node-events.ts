/**
 * What the server nodes tell each other (`io.serverSideEmit`, carried by the Redis stream; a
 * single node without Redis has nobody to tell).
 */
export interface NodeEvents {
  /** The fair's agenda or its live controls changed: reload the live agenda. */
  'agenda.changed': (fairId: string) => void;
}
