import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's CPU times (100 on every common Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface ProcessSample {
  /** User + system CPU time the process has used so far. */
  cpuMs: number;
  rssBytes: number;
  atMs: number;
}

/** Reads a server process's CPU time and resident memory from /proc. */
export function sampleProcess(pid: number): ProcessSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may hold spaces; fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return {
    cpuMs: ((userTicks + systemTicks) * 1000) / TICKS_PER_SECOND,
    rssBytes: kb('VmRSS') * 1024,
    atMs: performance.now(),
  };
}

/** CPU used between two samples, as a percentage of one core. */
export function cpuPercent(from: ProcessSample, to: ProcessSample): number {
  const wallMs = to.atMs - from.atMs;
  return wallMs > 0 ? ((to.cpuMs - from.cpuMs) / wallMs) * 100 : Number.NaN;
}
