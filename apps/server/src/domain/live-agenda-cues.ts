import {
  type AgendaCue,
  type AgendaCueKind,
  type AgendaItem,
  type LiveAgendaItem,
  type LiveAgendaState,
  ROUND_WARNING_MS,
  SPEECH_LEAD_MS,
} from '@kohtaamo/protocol';
import {
  clockMs,
  currentTimeline,
  fairEndMs,
  type LiveControl,
  replay,
  type Segment,
  type TimedItem,
} from './live-agenda';

/**
 * What the live agenda says: the state everyone sees and the announcements (cues) due between
 * two instants. Cues are derived from the timeline in force at their instant, so a round that is
 * extended warns again at its new end, and a round ended by hand ends at that instant.
 */

const iso = (ms: number) => new Date(ms).toISOString();

export function liveItem(timed: TimedItem): LiveAgendaItem {
  const { item } = timed;
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    place: item.place,
    startsAt: iso(timed.startMs),
    endsAt: iso(timed.endMs),
    skipped: timed.skipped,
  };
}

function cue(
  kind: AgendaCueKind,
  atMs: number,
  about: { timed?: TimedItem; roomId?: string; endsMs?: number },
): AgendaCue {
  const subject = about.timed?.item.id ?? about.roomId ?? 'fair';
  return {
    id: `${kind}:${subject}:${atMs}`,
    kind,
    at: iso(atMs),
    ...(about.timed && { item: liveItem(about.timed) }),
    ...(about.roomId && { roomId: about.roomId }),
    ...(about.endsMs !== undefined && { endsAt: iso(about.endsMs) }),
  };
}

/** Started, one minute left (if the round is longer than that) and ended, unless the fair ends. */
function roundCues(
  startMs: number,
  endMs: number,
  fairEnd: number | null,
  about: { timed?: TimedItem; roomId?: string },
): AgendaCue[] {
  const cues = [cue('round.started', startMs, { ...about, endsMs: endMs })];
  const warningMs = endMs - ROUND_WARNING_MS;
  if (warningMs > startMs)
    cues.push(cue('round.oneMinute', warningMs, { ...about, endsMs: endMs }));
  // When the fair ends, "the fair has ended" says it all.
  if (endMs !== fairEnd) cues.push(cue('round.ended', endMs, about));
  return cues;
}

/**
 * "Starts in 2 minutes" at two minutes before a speech. A speech moved so close that this moment
 * has passed (the item before it ended early) is announced when it moved.
 */
function speechCues(timed: TimedItem, segment: Segment): AgendaCue[] {
  let soonMs = timed.startMs - SPEECH_LEAD_MS;
  const before = segment.previous?.items.find((other) => other.item.id === timed.item.id);
  const moved = before !== undefined && before.startMs !== timed.startMs;
  if (moved && soonMs < segment.fromMs && segment.fromMs < timed.startMs) soonMs = segment.fromMs;
  return [cue('speech.soon', soonMs, { timed }), cue('speech.started', timed.startMs, { timed })];
}

/** Every cue the segment's timeline has, wherever in time it falls. */
function segmentCues(segment: Segment): AgendaCue[] {
  const { timeline } = segment;
  const fairEnd = fairEndMs(timeline);
  const cues: AgendaCue[] = [];
  for (const timed of timeline.items) {
    if (timed.skipped) continue;
    if (timed.item.kind === 'speech') cues.push(...speechCues(timed, segment));
    if (timed.item.kind === 'networking_round') {
      cues.push(...roundCues(timed.startMs, timed.endMs, fairEnd, { timed }));
    }
  }
  for (const round of timeline.rounds) {
    if (round.endsMs <= round.startedMs) continue;
    cues.push(...roundCues(round.startedMs, round.endsMs, fairEnd, { roomId: round.roomId }));
  }
  if (fairEnd !== null) cues.push(cue('fair.ended', fairEnd, {}));
  // While paused the fair's clock stands still: nothing after the pause is due.
  const pausedAt = timeline.pausedAtMs;
  return pausedAt === null ? cues : cues.filter((c) => Date.parse(c.at) <= pausedAt);
}

/** The cues due after `fromMs` up to and including `toMs`, in time order. */
export function cuesBetween(
  items: readonly AgendaItem[],
  controls: readonly LiveControl[],
  fromMs: number,
  toMs: number,
): AgendaCue[] {
  const segments = replay(items, controls);
  const due: AgendaCue[] = [];
  segments.forEach((segment, i) => {
    const untilMs = segments[i + 1]?.fromMs ?? Number.POSITIVE_INFINITY;
    if (untilMs <= fromMs || segment.fromMs > toMs) return;
    for (const candidate of segmentCues(segment)) {
      const atMs = Date.parse(candidate.at);
      if (atMs > fromMs && atMs <= toMs && atMs >= segment.fromMs && atMs < untilMs) {
        due.push(candidate);
      }
    }
  });
  return due.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** When the next cue after `afterMs` is due, as things stand; null when none is coming. */
export function nextCueAtMs(
  items: readonly AgendaItem[],
  controls: readonly LiveControl[],
  afterMs: number,
): number | null {
  const [next] = cuesBetween(items, controls, afterMs, Number.POSITIVE_INFINITY);
  return next ? Date.parse(next.at) : null;
}

/**
 * When the picture changes next by the clock alone: a cue, or an item or room round beginning
 * or ending. Null while paused (only a control changes anything then) and when nothing is left.
 */
export function nextChangeAtMs(
  items: readonly AgendaItem[],
  controls: readonly LiveControl[],
  afterMs: number,
): number | null {
  const timeline = currentTimeline(items, controls);
  if (timeline.pausedAtMs !== null) return null;
  const instants = [
    ...timeline.items.filter((timed) => !timed.skipped).flatMap((t) => [t.startMs, t.endMs]),
    ...timeline.rounds.flatMap((round) => [round.startedMs, round.endsMs]),
    nextCueAtMs(items, controls, afterMs) ?? afterMs,
  ].filter((instant) => instant > afterMs);
  return instants.length === 0 ? null : Math.min(...instants);
}

/** What is on now and next, with the times things really run, for everyone's screen. */
export function liveAgendaState(
  items: readonly AgendaItem[],
  controls: readonly LiveControl[],
  nowMs: number,
): LiveAgendaState {
  const timeline = currentTimeline(items, controls);
  const clock = clockMs(timeline, nowMs);
  const end = fairEndMs(timeline);
  const ended = end !== null && end <= nowMs;
  const ran = timeline.items.filter((timed) => !timed.skipped);
  const current = ended
    ? undefined
    : ran.filter((timed) => timed.startMs <= clock && clock < timed.endMs).at(-1);
  const next = ended ? undefined : ran.find((timed) => timed.startMs > clock);
  const first = ran[0];
  const phase = ended
    ? 'ended'
    : timeline.pausedAtMs !== null
      ? 'paused'
      : !first || clock < first.startMs
        ? 'before'
        : 'running';
  return {
    serverNow: iso(nowMs),
    phase,
    pausedAt: timeline.pausedAtMs === null ? null : iso(timeline.pausedAtMs),
    endedAt: ended ? iso(end) : null,
    currentId: current?.item.id ?? null,
    nextId: next?.item.id ?? null,
    items: timeline.items.map(liveItem),
    roomRounds: ended
      ? []
      : timeline.rounds
          .filter((round) => round.startedMs <= clock && clock < round.endsMs)
          .map((round) => ({
            roomId: round.roomId,
            startedAt: iso(round.startedMs),
            endsAt: iso(round.endsMs),
          })),
  };
}
