import type { AgendaControl, AgendaItem } from '@kohtaamo/protocol';

/**
 * The agenda on the clock, as plain functions of the planned agenda and the ordered log of
 * controls. Nothing here is stored but the controls: the times things really run, what is on
 * now and next, and every announcement (cue) are worked out again whenever they are needed, so
 * every node that reads the same log agrees, and editing the agenda mid-fair simply re-applies
 * the organisers' controls to the edited plan.
 */

/** A facilitator's timed round in one room (room action 'room.round'). */
export type RoomControl =
  { kind: 'room.start'; roomId: string; minutes: number } | { kind: 'room.end'; roomId: string };

export const LIVE_CONTROL_KINDS = [
  'fair.start',
  'fair.pause',
  'fair.resume',
  'fair.end',
  'item.start',
  'item.extend',
  'item.end',
  'room.start',
  'room.end',
] as const satisfies readonly (AgendaControl | RoomControl)['kind'][];

/** One entry of the log: what was done, and when by the server's clock. */
export type LiveControl = (AgendaControl | RoomControl) & { atMs: number };

export interface TimedItem {
  item: AgendaItem;
  startMs: number;
  endMs: number;
  /** Never ran: the fair ended, or a later item was started, before it began. */
  skipped: boolean;
}

export interface TimedRound {
  roomId: string;
  startedMs: number;
  endsMs: number;
}

/** The agenda as it runs after some controls: one consistent picture of the fair's times. */
export interface Timeline {
  items: TimedItem[];
  /** Every room round ever started, ended ones included. */
  rounds: TimedRound[];
  pausedAtMs: number | null;
  /** Set when an organiser ended the fair by hand. */
  endedAtMs: number | null;
}

/** Why a control cannot be taken now; the log keeps only controls that were valid. */
export type ControlRefusal =
  | 'ended'
  | 'paused'
  | 'notPaused'
  | 'started'
  | 'noItems'
  | 'unknownItem'
  | 'itemOver'
  | 'itemRunning'
  | 'itemNotRunning'
  | 'roundRunning'
  | 'noRound';

const MINUTE_MS = 60_000;

export function plannedTimeline(items: readonly AgendaItem[]): Timeline {
  const timed = items.map((item) => ({
    item,
    startMs: Date.parse(item.startsAt),
    endMs: Date.parse(item.endsAt),
    skipped: false,
  }));
  timed.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return { items: timed, rounds: [], pausedAtMs: null, endedAtMs: null };
}

/** When the fair is over: ended by hand, or the end of its last item. Null while paused. */
export function fairEndMs(timeline: Timeline): number | null {
  if (timeline.endedAtMs !== null) return timeline.endedAtMs;
  if (timeline.pausedAtMs !== null) return null;
  const ran = timeline.items.filter((timed) => !timed.skipped);
  return ran.length === 0 ? null : Math.max(...ran.map((timed) => timed.endMs));
}

/** The fair's clock: frozen while paused. */
export function clockMs(timeline: Timeline, nowMs: number): number {
  return timeline.pausedAtMs ?? nowMs;
}

function isRunning(timed: TimedItem, atMs: number): boolean {
  return !timed.skipped && timed.startMs <= atMs && atMs < timed.endMs;
}

function runningRound(timeline: Timeline, roomId: string, atMs: number): TimedRound | undefined {
  return timeline.rounds.find(
    (round) => round.roomId === roomId && round.startedMs <= atMs && atMs < round.endsMs,
  );
}

function itemRefusal(control: LiveControl, timed: TimedItem, atMs: number): ControlRefusal | null {
  const over = timed.skipped || timed.endMs <= atMs;
  switch (control.kind) {
    case 'item.start':
      if (over) return 'itemOver';
      return isRunning(timed, atMs) ? 'itemRunning' : null;
    case 'item.extend':
      return over ? 'itemOver' : null;
    default:
      return isRunning(timed, atMs) ? null : 'itemNotRunning';
  }
}

/** Null when the control may be taken at its instant, otherwise why not. */
export function refusalOf(timeline: Timeline, control: LiveControl): ControlRefusal | null {
  const at = clockMs(timeline, control.atMs);
  const end = fairEndMs(timeline);
  if (end !== null && end <= control.atMs) return 'ended';
  const paused = timeline.pausedAtMs !== null;
  const whilePaused = ['fair.resume', 'fair.end', 'item.extend'];
  if (paused && !whilePaused.includes(control.kind)) return 'paused';
  switch (control.kind) {
    case 'fair.pause':
    case 'fair.end':
      return null;
    case 'fair.resume':
      return paused ? null : 'notPaused';
    case 'fair.start': {
      const first = timeline.items.find((timed) => !timed.skipped);
      if (!first) return 'noItems';
      return first.startMs <= at ? 'started' : null;
    }
    case 'item.start':
    case 'item.extend':
    case 'item.end': {
      const timed = timeline.items.find((candidate) => candidate.item.id === control.itemId);
      return timed ? itemRefusal(control, timed, at) : 'unknownItem';
    }
    case 'room.start':
      return runningRound(timeline, control.roomId, at) ? 'roundRunning' : null;
    case 'room.end':
      return runningRound(timeline, control.roomId, at) ? null : 'noRound';
  }
}

function shifted(timed: TimedItem, byMs: number): TimedItem {
  return { ...timed, startMs: timed.startMs + byMs, endMs: timed.endMs + byMs };
}

/** Items that had not begun by `atMs` are skipped; running ones end at `atMs`. */
function cutAt(timed: TimedItem, atMs: number): TimedItem {
  if (timed.skipped || timed.endMs <= atMs) return timed;
  if (timed.startMs >= atMs) return { ...timed, startMs: atMs, endMs: atMs, skipped: true };
  return { ...timed, endMs: atMs };
}

function resume(timeline: Timeline, atMs: number): Timeline {
  const pausedAt = timeline.pausedAtMs;
  if (pausedAt === null) return timeline;
  const pauseMs = atMs - pausedAt;
  return {
    ...timeline,
    pausedAtMs: null,
    items: timeline.items.map((timed) => {
      if (timed.skipped || timed.endMs <= pausedAt) return timed;
      if (timed.startMs >= pausedAt) return shifted(timed, pauseMs);
      return { ...timed, endMs: timed.endMs + pauseMs };
    }),
    rounds: timeline.rounds.map((round) =>
      round.endsMs > pausedAt ? { ...round, endsMs: round.endsMs + pauseMs } : round,
    ),
  };
}

function endFair(timeline: Timeline, atMs: number): Timeline {
  const resumed = resume(timeline, atMs);
  return {
    ...resumed,
    endedAtMs: atMs,
    items: resumed.items.map((timed) => cutAt(timed, atMs)),
    rounds: resumed.rounds.map((round) =>
      round.endsMs > atMs ? { ...round, endsMs: Math.max(atMs, round.startedMs) } : round,
    ),
  };
}

function withItems(timeline: Timeline, change: (timed: TimedItem, index: number) => TimedItem) {
  return { ...timeline, items: timeline.items.map(change) };
}

function applyItemControl(
  timeline: Timeline,
  control: LiveControl & { itemId: string },
  atMs: number,
): Timeline {
  const index = timeline.items.findIndex((timed) => timed.item.id === control.itemId);
  const target = timeline.items[index];
  if (!target) return timeline;
  switch (control.kind) {
    case 'item.start': {
      const byMs = atMs - target.startMs;
      return withItems(timeline, (timed, i) =>
        i < index ? cutAt(timed, atMs) : shifted(timed, byMs),
      );
    }
    case 'item.extend': {
      const byMs = control.minutes * MINUTE_MS;
      return withItems(timeline, (timed, i) => {
        if (i === index) return { ...timed, endMs: timed.endMs + byMs };
        return i > index && !timed.skipped && timed.startMs >= target.endMs
          ? shifted(timed, byMs)
          : timed;
      });
    }
    default: {
      // Items that overlap the one ending (parallel in other rooms) keep their times.
      const byMs = atMs - target.endMs;
      return withItems(timeline, (timed, i) => {
        if (i === index) return { ...timed, endMs: atMs };
        return i > index && !timed.skipped && timed.startMs >= target.endMs
          ? shifted(timed, byMs)
          : timed;
      });
    }
  }
}

/** The timeline after a valid control (see `refusalOf`). */
export function applyControl(timeline: Timeline, control: LiveControl): Timeline {
  const at = clockMs(timeline, control.atMs);
  switch (control.kind) {
    case 'fair.pause':
      return { ...timeline, pausedAtMs: control.atMs };
    case 'fair.resume':
      return resume(timeline, control.atMs);
    case 'fair.end':
      return endFair(timeline, control.atMs);
    case 'fair.start': {
      const first = timeline.items.find((timed) => !timed.skipped);
      const byMs = first ? at - first.startMs : 0;
      return withItems(timeline, (timed) => (timed.skipped ? timed : shifted(timed, byMs)));
    }
    case 'item.start':
    case 'item.extend':
    case 'item.end':
      return applyItemControl(timeline, control, at);
    case 'room.start':
      return {
        ...timeline,
        rounds: [
          ...timeline.rounds,
          { roomId: control.roomId, startedMs: at, endsMs: at + control.minutes * MINUTE_MS },
        ],
      };
    case 'room.end':
      return {
        ...timeline,
        rounds: timeline.rounds.map((round) =>
          round.roomId === control.roomId && round.startedMs <= at && at < round.endsMs
            ? { ...round, endsMs: at }
            : round,
        ),
      };
  }
}

/** A stretch of time during which one timeline holds: from its control until the next one. */
export interface Segment {
  timeline: Timeline;
  fromMs: number;
  /** The timeline before this one, so that a change can be told from what already was. */
  previous: Timeline | null;
}

/**
 * Replays the log over the plan. Controls are taken in the order of their instants; one that
 * was not valid at its instant (two organisers pausing at once on two nodes) changes nothing.
 */
export function replay(items: readonly AgendaItem[], controls: readonly LiveControl[]): Segment[] {
  const ordered = controls.map((control, i) => ({ control, i }));
  ordered.sort((a, b) => a.control.atMs - b.control.atMs || a.i - b.i);
  const segments: Segment[] = [
    { timeline: plannedTimeline(items), fromMs: Number.NEGATIVE_INFINITY, previous: null },
  ];
  for (const { control } of ordered) {
    const last = segments.at(-1) as Segment;
    if (refusalOf(last.timeline, control) !== null) continue;
    segments.push({
      timeline: applyControl(last.timeline, control),
      fromMs: control.atMs,
      previous: last.timeline,
    });
  }
  return segments;
}

/** The timeline in force after every control of the log. */
export function currentTimeline(
  items: readonly AgendaItem[],
  controls: readonly LiveControl[],
): Timeline {
  return (replay(items, controls).at(-1) as Segment).timeline;
}
