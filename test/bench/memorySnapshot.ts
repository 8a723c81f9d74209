/**
 * Reads a V8 heap snapshot (.heapsnapshot JSON) and sums the self size of its objects by
 * constructor, the way DevTools' "Summary" view does. Arrays, strings and V8's internal
 * objects have no constructor; they are named by the first object that holds them
 * ("(object elements) ← ArraySchema"), which is what tells one room's lists from another's.
 * Subtracting the sums of two snapshots and dividing by the rooms opened in between gives
 * what one room costs, by kind of object.
 *
 * Usage: node test/bench/memorySnapshot.ts before.heapsnapshot after.heapsnapshot [rooms] [top]
 */
import { readFileSync } from 'node:fs';

export interface Tally {
  count: number;
  bytes: number;
}

/** The parts of a .heapsnapshot file the bench reads. */
export interface SnapshotJson {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: readonly string[];
      readonly node_types: readonly [readonly string[], ...unknown[]];
      readonly edge_fields: readonly string[];
      readonly edge_types: readonly [readonly string[], ...unknown[]];
    };
  };
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly strings: readonly string[];
}

/** Kinds of node that are objects with a constructor of their own. */
const OWNERS = new Set(['object', 'closure', 'regexp']);
/** Edges that do not keep anything alive, or that merely short-cut another path. */
const NOT_RETAINING = new Set(['weak', 'shortcut']);

/** Self size by constructor (or by owner, for what has none), over the whole heap. */
export function tallyByConstructor(path: string): Map<string, Tally> {
  const json = JSON.parse(readFileSync(path, 'utf8')) as SnapshotJson;
  const { meta } = json.snapshot;
  const { nodes, edges, strings } = json;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f)) as [number, number, number, number];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const nodeCount = nodes.length / nodeWidth;

  const typeOf = (n: number) => nodeTypes[nodes[n * nodeWidth + typeAt]!]!;
  const nameOf = (n: number) => strings[nodes[n * nodeWidth + nameAt]!]!;

  // The first object (in snapshot order) that holds each node, and the edge it holds it by.
  const owner = new Int32Array(nodeCount).fill(-1);
  const ownerEdge = new Array<string>(nodeCount);
  let edge = 0;
  for (let n = 0; n < nodeCount; n++) {
    const count = nodes[n * nodeWidth + edgeCountAt]!;
    const holds = OWNERS.has(typeOf(n));
    for (let e = 0; e < count; e++, edge += edgeWidth) {
      if (!holds) continue;
      const kind = edgeTypes[edges[edge + edgeTypeAt]!]!;
      if (NOT_RETAINING.has(kind)) continue;
      const to = edges[edge + toAt]! / nodeWidth;
      if (owner[to] !== -1) continue;
      owner[to] = n;
      const name = edges[edge + edgeNameAt]!;
      ownerEdge[to] = kind === 'element' || kind === 'hidden' ? `[${kind}]` : String(strings[name]);
    }
  }

  const tally = new Map<string, Tally>();
  for (let n = 0; n < nodeCount; n++) {
    const type = typeOf(n);
    let key: string;
    if (type === 'object' || type === 'regexp') key = nameOf(n);
    else if (type === 'closure') key = `(closure) ${nameOf(n) || 'anonymous'}`;
    else {
      const what = type === 'array' || type === 'hidden' || type === 'native' ? `(${type} ${nameOf(n)})` : `(${type})`;
      const by = owner[n]!;
      key = by === -1 ? what : `${what} ← ${nameOf(by)}.${ownerEdge[n]}`;
    }
    const t = tally.get(key) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += nodes[n * nodeWidth + sizeAt]!;
    tally.set(key, t);
  }
  return tally;
}

/** What grew between two tallies, per room, largest first. */
export function growthPerRoom(before: Map<string, Tally>, after: Map<string, Tally>, rooms: number): { key: string; count: number; bytes: number }[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].map((key) => {
    const a = after.get(key) ?? { count: 0, bytes: 0 };
    const b = before.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: (a.count - b.count) / rooms, bytes: (a.bytes - b.bytes) / rooms };
  }).sort((x, y) => y.bytes - x.bytes);
}

export function growthTable(rows: readonly { key: string; count: number; bytes: number }[], top: number): string {
  const total = rows.reduce((s, r) => s + r.bytes, 0);
  const lines = rows.slice(0, top).map((r) =>
    `${Math.round(r.bytes).toString().padStart(8)} B  ${r.count.toFixed(1).padStart(7)} ×  ${r.key}`);
  return [`${Math.round(total).toString().padStart(8)} B  per room in all`, ...lines].join('\n');
}

if (import.meta.main) {
  const [beforePath, afterPath, rooms = '1', top = '40'] = process.argv.slice(2);
  if (!beforePath || !afterPath) {
    console.error('usage: node test/bench/memorySnapshot.ts before.heapsnapshot after.heapsnapshot [rooms] [top]');
    process.exit(2);
  }
  console.log(growthTable(growthPerRoom(tallyByConstructor(beforePath), tallyByConstructor(afterPath), Number(rooms)), Number(top)));
}
