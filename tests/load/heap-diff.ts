/**
 * `pnpm --filter @kohtaamo/tests exec tsx load/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot>`
 *
 * What grew between two heap snapshots of one node (`soak.ts --heap-snapshots`): the reachable
 * heap in total, and the kinds of object whose count or size grew most. A leak shows as a kind
 * growing with the churn (e.g. one entry per connection that ever was); warm-up does not. A third
 * argument, a kind as printed (`"object Socket"`), prints what holds a few of them in `after`.
 */
import { readFile } from 'node:fs/promises';

interface Kind {
  count: number;
  bytes: number;
}

function integersBetween(buffer: Buffer, start: number, end: number): number[] {
  const values: number[] = [];
  let current = -1;
  for (let i = start; i < end; i += 1) {
    const byte = buffer[i]!;
    if (byte >= 48 && byte <= 57) current = (current < 0 ? 0 : current * 10) + byte - 48;
    else if (current >= 0) {
      values.push(current);
      current = -1;
    }
  }
  if (current >= 0) values.push(current);
  return values;
}

interface Snapshot {
  fields: string[];
  types: string[];
  edgeFields: string[];
  edgeTypes: string[];
  strings: string[];
  nodes: number[];
  edges: number[];
}

/** Reads the snapshot without parsing it whole: large ones exceed V8's longest string. */
async function readSnapshot(file: string, withEdges: boolean): Promise<Snapshot> {
  const buffer = await readFile(file);
  const nodesAt = buffer.indexOf('"nodes":[');
  const edgesAt = buffer.indexOf('"edges":[');
  const afterEdgesAt = buffer.indexOf('"trace_function_infos":[');
  const stringsAt = buffer.indexOf('"strings":[');
  const header = buffer.subarray(0, nodesAt).toString().trim().replace(/,$/, '');
  const { meta } = (
    JSON.parse(`${header}}`) as {
      snapshot: {
        meta: {
          node_fields: string[];
          node_types: [string[]];
          edge_fields: string[];
          edge_types: [string[]];
        };
      };
    }
  ).snapshot;
  return {
    fields: meta.node_fields,
    types: meta.node_types[0],
    edgeFields: meta.edge_fields,
    edgeTypes: meta.edge_types[0],
    strings: JSON.parse(
      buffer.subarray(stringsAt + '"strings":'.length, buffer.lastIndexOf(']') + 1).toString(),
    ) as string[],
    nodes: integersBetween(buffer, nodesAt + '"nodes":['.length, edgesAt),
    edges: withEdges ? integersBetween(buffer, edgesAt + '"edges":['.length, afterEdgesAt) : [],
  };
}

function kindOf(snapshot: Snapshot, node: number): string {
  const { fields, types, strings, nodes } = snapshot;
  const type = types[nodes[node + fields.indexOf('type')]!] ?? '?';
  const named = type === 'object' || type === 'closure' || type === 'native';
  return named ? `${type} ${strings[nodes[node + fields.indexOf('name')]!] ?? '?'}` : `(${type})`;
}

function kindsOf(snapshot: Snapshot): Map<string, Kind> {
  const { fields, nodes } = snapshot;
  const sizeAt = fields.indexOf('self_size');
  const kinds = new Map<string, Kind>();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const key = kindOf(snapshot, i);
    const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
    kind.count += 1;
    kind.bytes += nodes[i + sizeAt]!;
    kinds.set(key, kind);
  }
  return kinds;
}

/** Who holds objects of a kind: for a few of them, the chain of their first retainers. */
function retainersOf(snapshot: Snapshot, wanted: string, samples = 5, depth = 8): string[] {
  const { fields, edgeFields, edgeTypes, strings, nodes, edges } = snapshot;
  const edgeCountAt = fields.indexOf('edge_count');
  const owner = new Map<number, { from: number; edge: string }>();
  let edge = 0;
  for (let node = 0; node < nodes.length; node += fields.length) {
    for (let k = 0; k < nodes[node + edgeCountAt]!; k += 1, edge += edgeFields.length) {
      const to = edges[edge + 2]!;
      const type = edgeTypes[edges[edge]!] ?? '?';
      if (type === 'weak' || owner.has(to)) continue;
      const name =
        type === 'element' || type === 'hidden'
          ? `[${edges[edge + 1]}]`
          : strings[edges[edge + 1]!];
      owner.set(to, { from: node, edge: `${type}:${name ?? '?'}` });
    }
  }
  const lines: string[] = [];
  let found = 0;
  for (let node = 0; node < nodes.length && found < samples; node += fields.length) {
    if (kindOf(snapshot, node) !== wanted) continue;
    found += 1;
    const chain: string[] = [];
    let at: number | undefined = node;
    for (let step = 0; step < depth && at !== undefined; step += 1) {
      const held = owner.get(at);
      if (!held) break;
      chain.push(`${held.edge} ← ${kindOf(snapshot, held.from)}`);
      at = held.from;
    }
    lines.push(`${wanted}: ${chain.join(' / ')}`);
  }
  return lines;
}

const MB = 1024 * 1024;
const [beforeFile, afterFile, retainedKind] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts <before> <after> [kind]');
const before = kindsOf(await readSnapshot(beforeFile, false));
const afterSnapshot = await readSnapshot(afterFile, retainedKind !== undefined);
const after = kindsOf(afterSnapshot);
const total = (kinds: Map<string, Kind>) =>
  [...kinds.values()].reduce((sum, kind) => sum + kind.bytes, 0) / MB;
console.log(`reachable heap: ${total(before).toFixed(1)} MB → ${total(after).toFixed(1)} MB`);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const was = before.get(key) ?? { count: 0, bytes: 0 };
  const is = after.get(key) ?? { count: 0, bytes: 0 };
  return { key, was, is, count: is.count - was.count, bytes: is.bytes - was.bytes };
});
const show = (title: string, sorted: typeof rows) => {
  console.log(`\n${title}`);
  for (const row of sorted.slice(0, 25)) {
    console.log(
      `${String(row.count).padStart(9)} (${row.was.count} → ${row.is.count})  ` +
        `${(row.bytes / 1024).toFixed(0).padStart(8)} kB  ${row.key.slice(0, 90)}`,
    );
  }
};
show(
  'grew most in size:',
  [...rows].sort((a, b) => b.bytes - a.bytes),
);
show(
  'grew most in count:',
  [...rows].sort((a, b) => b.count - a.count),
);
if (retainedKind) {
  console.log(`\nwhat holds ${retainedKind}:`);
  for (const line of retainersOf(afterSnapshot, retainedKind)) console.log(line);
}
