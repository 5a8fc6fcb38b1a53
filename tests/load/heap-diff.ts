/**
 * `pnpm --filter @kohtaamo/tests exec tsx load/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot>`
 *
 * What grew between two heap snapshots of one node (`soak.ts --heap-snapshots`): the reachable
 * heap in total, and the kinds of object whose count or size grew most. A leak shows as a kind
 * growing with the churn (e.g. one entry per connection that ever was); warm-up does not.
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

/** Reads the snapshot without parsing it whole: large ones exceed V8's longest string. */
async function kindsOf(file: string): Promise<Map<string, Kind>> {
  const buffer = await readFile(file);
  const nodesAt = buffer.indexOf('"nodes":[');
  const edgesAt = buffer.indexOf('"edges":[');
  const stringsAt = buffer.indexOf('"strings":[');
  const meta = JSON.parse(
    `${buffer.subarray(0, nodesAt).toString().trim().replace(/,$/, '')}}`,
  ) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  };
  const fields = meta.snapshot.meta.node_fields;
  const types = meta.snapshot.meta.node_types[0];
  const strings = JSON.parse(
    buffer.subarray(stringsAt + '"strings":'.length, buffer.lastIndexOf(']') + 1).toString(),
  ) as string[];
  const nodes = integersBetween(buffer, nodesAt + '"nodes":['.length, edgesAt);
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const kinds = new Map<string, Kind>();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!] ?? '?';
    const named = type === 'object' || type === 'closure' || type === 'native';
    const key = named ? `${type} ${strings[nodes[i + nameAt]!] ?? '?'}` : `(${type})`;
    const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
    kind.count += 1;
    kind.bytes += nodes[i + sizeAt]!;
    kinds.set(key, kind);
  }
  return kinds;
}

const MB = 1024 * 1024;
const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: heap-diff.ts <before> <after>');
const before = await kindsOf(beforeFile);
const after = await kindsOf(afterFile);
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
