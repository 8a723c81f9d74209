/**
 * Retained sizes in a V8 heap snapshot, the way DevTools computes them: an object retains
 * what would be freed with it, i.e. what it dominates in the graph of strong references from
 * the GC roots. Given constructor names (PairRoom, WebSocketClient…), says how much one
 * instance retains on average, and which of its fields hold that memory, two levels down
 * ("PairRoom.state.moves"), so a room's cost can be split into ours and the framework's.
 *
 * Usage: node test/bench/memoryRetained.ts file.heapsnapshot [Constructor…]
 */
import { readFileSync } from 'node:fs';
import type { SnapshotJson } from './memorySnapshot.ts';

export interface Retained {
  readonly name: string;
  readonly instances: number;
  /** Average per instance, in bytes. */
  readonly retained: number;
  /** Average bytes each field (path of up to two fields) retains, largest first. */
  readonly fields: readonly { readonly path: string; readonly bytes: number }[];
  /**
   * Everything retained, by kind: constructor, or for arrays, strings and V8's internals the
   * constructor of the object that dominates them. Catches what several fields share (a
   * room's state is held by the room and by its serializer both), which `fields` cannot.
   */
  readonly kinds: readonly { readonly kind: string; readonly count: number; readonly bytes: number }[];
}

/** Edges that keep nothing alive, or only short-cut another path; DevTools ignores them too. */
const IGNORED_EDGES = new Set(['weak', 'shortcut']);

/** The heap as a graph: nodes, their strong out-edges (CSR), self sizes and names. */
export class Graph {
  readonly count: number;
  readonly self: Float64Array;
  readonly firstEdge: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly edgeName: string[];
  private readonly names: Uint32Array;
  private readonly types: Uint8Array;
  private readonly json: SnapshotJson;

  constructor(json: SnapshotJson) {
    this.json = json;
    const { meta } = json.snapshot;
    const width = meta.node_fields.length;
    const edgeWidth = meta.edge_fields.length;
    const [typeAt, nameAt, sizeAt, countAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f)) as [number, number, number, number];
    const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [number, number, number];
    const edgeTypes = meta.edge_types[0];
    const { nodes, edges, strings } = json;
    this.count = nodes.length / width;
    this.self = new Float64Array(this.count);
    this.names = new Uint32Array(this.count);
    this.types = new Uint8Array(this.count);
    this.firstEdge = new Uint32Array(this.count + 1);
    const to: number[] = [];
    this.edgeName = [];
    let e = 0;
    for (let n = 0; n < this.count; n++) {
      this.self[n] = nodes[n * width + sizeAt]!;
      this.names[n] = nodes[n * width + nameAt]!;
      this.types[n] = nodes[n * width + typeAt]!;
      this.firstEdge[n] = to.length;
      const count = nodes[n * width + countAt]!;
      for (let i = 0; i < count; i++, e += edgeWidth) {
        const kind = edgeTypes[edges[e + edgeTypeAt]!]!;
        if (IGNORED_EDGES.has(kind)) continue;
        to.push(edges[e + toAt]! / width);
        const name = edges[e + edgeNameAt]!;
        this.edgeName.push(kind === 'element' || kind === 'hidden' ? `[${name}]` : String(strings[name]));
      }
    }
    this.firstEdge[this.count] = to.length;
    this.edgeTo = Uint32Array.from(to);
  }

  name(n: number): string {
    return this.json.strings[this.names[n]!]!;
  }

  type(n: number): string {
    return this.json.snapshot.meta.node_types[0][this.types[n]!]!;
  }
}

/** Immediate dominators (Cooper, Harvey & Kennedy's iterative algorithm) and retained sizes. */
export function dominate(g: Graph): { idom: Int32Array; retained: Float64Array; post: readonly number[] } {
  // Post-order from the root (node 0), iteratively.
  const order = new Int32Array(g.count).fill(-1);
  const post: number[] = [];
  const stack: number[] = [0];
  const next = new Uint32Array(g.count);
  order[0] = -2;
  for (let n = 0; n < g.count; n++) next[n] = g.firstEdge[n]!;
  while (stack.length > 0) {
    const n = stack[stack.length - 1]!;
    if (next[n]! < g.firstEdge[n + 1]!) {
      const child = g.edgeTo[next[n]!++]!;
      if (order[child] === -1) {
        order[child] = -2;
        stack.push(child);
      }
    } else {
      stack.pop();
      order[n] = post.length;
      post.push(n);
    }
  }
  // Predecessors of reachable nodes.
  const predCount = new Uint32Array(g.count + 1);
  for (const n of post) for (let e = g.firstEdge[n]!; e < g.firstEdge[n + 1]!; e++) predCount[g.edgeTo[e]! + 1]!++;
  for (let n = 0; n < g.count; n++) predCount[n + 1]! += predCount[n]!;
  const preds = new Uint32Array(predCount[g.count]!);
  const fill = predCount.slice();
  for (const n of post) for (let e = g.firstEdge[n]!; e < g.firstEdge[n + 1]!; e++) preds[fill[g.edgeTo[e]!]!++] = n;

  const idom = new Int32Array(g.count).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! < order[b]!) a = idom[a]!;
      while (order[b]! < order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let i = post.length - 2; i >= 0; i--) {
      const n = post[i]!;
      let best = -1;
      for (let p = predCount[n]!; p < predCount[n + 1]!; p++) {
        const pred = preds[p]!;
        if (idom[pred] === -1) continue;
        best = best === -1 ? pred : intersect(pred, best);
      }
      if (best !== -1 && idom[n] !== best) {
        idom[n] = best;
        changed = true;
      }
    }
  }
  const retained = Float64Array.from(g.self);
  for (const n of post) if (n !== 0 && idom[n]! >= 0) retained[idom[n]!]! += retained[n]!;
  return { idom, retained, post };
}

/** What a node is, for adding up: its constructor, or what kind of thing it is and who holds it. */
function kindOf(g: Graph, n: number, holder: number): string {
  const type = g.type(n);
  if (type === 'object') return g.name(n);
  if (type === 'closure') return '(closure)';
  const what = type === 'array' || type === 'hidden' || type === 'native' ? `(${type} ${g.name(n)})` : `(${type})`;
  return holder >= 0 ? `${what} ← ${g.type(holder) === 'object' ? g.name(holder) : `(${g.type(holder)})`}` : what;
}

/** Average retained size of each named constructor's instances, and what its fields hold. */
export function retainedBy(path: string, constructors: readonly string[]): Retained[] {
  const g = new Graph(JSON.parse(readFileSync(path, 'utf8')) as SnapshotJson);
  const { idom, retained, post } = dominate(g);
  const wanted = new Set(constructors);
  const found = new Map<string, number[]>();
  for (let n = 0; n < g.count; n++) {
    if (g.type(n) !== 'object' || !wanted.has(g.name(n))) continue;
    found.set(g.name(n), [...(found.get(g.name(n)) ?? []), n]);
  }
  // What `owner` dominates through each of its edges, `depth` fields down.
  const walk = (owner: number, prefix: string, depth: number, into: Map<string, number>) => {
    for (let e = g.firstEdge[owner]!; e < g.firstEdge[owner + 1]!; e++) {
      const to = g.edgeTo[e]!;
      if (idom[to] !== owner) continue;
      const path = `${prefix}.${g.edgeName[e]}`;
      into.set(path, (into.get(path) ?? 0) + retained[to]!);
      if (depth > 1 && retained[to]! > 256) walk(to, path, depth - 1, into);
    }
  };
  // The nearest wanted instance above each node in the dominator tree; parents come first.
  const isWanted = new Uint8Array(g.count);
  for (const ns of found.values()) for (const n of ns) isWanted[n] = 1;
  const ownedBy = new Int32Array(g.count).fill(-1);
  const kinds = new Map<string, Map<string, { count: number; bytes: number }>>();
  for (let i = post.length - 2; i >= 0; i--) {
    const n = post[i]!;
    const up = idom[n]!;
    if (up < 0) continue;
    ownedBy[n] = isWanted[up] ? up : ownedBy[up]!;
    if (ownedBy[n] === -1) continue;
    const ownerName = g.name(ownedBy[n]!);
    const byKind = kinds.get(ownerName) ?? new Map<string, { count: number; bytes: number }>();
    kinds.set(ownerName, byKind);
    const key = kindOf(g, n, up);
    const k = byKind.get(key) ?? { count: 0, bytes: 0 };
    k.count++;
    k.bytes += g.self[n]!;
    byKind.set(key, k);
  }
  return constructors.map((name) => {
    const instances = found.get(name) ?? [];
    const fields = new Map<string, number>();
    let total = 0;
    for (const n of instances) {
      total += retained[n]!;
      walk(n, name, 2, fields);
    }
    const per = Math.max(1, instances.length);
    return {
      name, instances: instances.length, retained: total / per,
      fields: [...fields].map(([p, bytes]) => ({ path: p, bytes: bytes / per })).sort((a, b) => b.bytes - a.bytes),
      kinds: [...(kinds.get(name) ?? [])].map(([kind, k]) => ({ kind, count: k.count / per, bytes: k.bytes / per }))
        .sort((a, b) => b.bytes - a.bytes),
    };
  });
}

export function retainedTable(rows: readonly Retained[], linesEach = 12): string {
  const bytes = (b: number) => `${Math.round(b).toString().padStart(8)} B`;
  return rows.map((r) => [
    `${r.name}: ${r.instances} instances, ${Math.round(r.retained)} B retained each; by field:`,
    ...r.fields.slice(0, linesEach).filter((f) => f.bytes >= 64).map((f) => `  ${bytes(f.bytes)}  ${f.path}`),
    '  by kind:',
    ...r.kinds.slice(0, linesEach).filter((k) => k.bytes >= 64).map((k) => `  ${bytes(k.bytes)}  ${k.count.toFixed(1).padStart(6)} ×  ${k.kind}`),
  ].join('\n')).join('\n');
}

if (import.meta.main) {
  const [path, ...names] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node test/bench/memoryRetained.ts file.heapsnapshot [Constructor…]');
    process.exit(2);
  }
  console.log(retainedTable(retainedBy(path, names.length > 0 ? names : ['PairRoom']), 40));
}
