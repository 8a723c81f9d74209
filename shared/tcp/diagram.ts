import { TCP_EVENTS, type TcpEvent } from './events.ts';
import { TCP_STATES, type TcpState } from './states.ts';
import { TRANSITIONS } from './table.ts';

/** One arrow of the state diagram: the events that lead from one state to another. */
export interface DiagramEdge {
  readonly from: TcpState;
  readonly to: TcpState;
  readonly events: readonly TcpEvent[];
}

/** The state diagram, read from the transition table: every change of state and what causes it. */
export function diagramEdges(): DiagramEdge[] {
  const edges = new Map<string, { from: TcpState; to: TcpState; events: TcpEvent[] }>();
  for (const from of TCP_STATES) {
    for (const event of TCP_EVENTS) {
      const o = TRANSITIONS[from][event];
      const targets = o.ok ? [o.next, ...(o.ifActiveOpen ? [o.ifActiveOpen.next] : [])] : [];
      for (const to of targets) {
        if (to === from) continue;
        const key = `${from}>${to}`;
        const edge = edges.get(key) ?? { from, to, events: [] };
        if (!edge.events.includes(event)) edge.events.push(event);
        edges.set(key, edge);
      }
    }
  }
  return [...edges.values()];
}

/** The diagram as Mermaid text, for the README and the docs. */
export function diagramMermaid(): string {
  const id = (s: TcpState): string => s.replace(/-/g, '_');
  const lines = ['stateDiagram-v2', '  [*] --> CLOSED'];
  for (const e of diagramEdges()) lines.push(`  ${id(e.from)} --> ${id(e.to)}: ${e.events.join(', ')}`);
  return lines.join('\n');
}
