/**
 * One measurement's load split over several load generator processes: each gets its own share
 * of the pairs, connections or students, numbered on from the previous share's, so that the
 * union is the load one process would have made, seeds and nicknames included.
 */
import type { LoadPlan, ShardPart, ShardPlan } from './loadPlan.ts';

/** What a plan counts: pairs, connections or students. */
function unitsOf(plan: LoadPlan): number {
  return plan.kind === 'pairs' || plan.kind === 'bare' ? plan.pairs : plan.kind === 'echo' ? plan.connections : plan.students;
}

/** `total` in `parts` shares as even as can be, the larger first. */
export function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function withShare(plan: LoadPlan, count: number, connectConcurrency: number, shard: ShardPart): ShardPlan {
  switch (plan.kind) {
    case 'pairs': return { ...plan, pairs: count, connectConcurrency, shard };
    case 'bare': return { ...plan, pairs: count, connectConcurrency, shard };
    case 'echo': return { ...plan, connections: count, connectConcurrency, shard };
    case 'classroom': return { ...plan, students: count, connectConcurrency, shard };
  }
}

/**
 * The plan in at most `processes` parts, none of them empty. The joins in flight are shared
 * too, so the server sees the same connection rush however many processes make it. Every
 * part's class code is null: the classroom's first part creates the class, and the parent
 * fills in the others' once it exists (loadRun.ts).
 */
export function splitPlan(plan: LoadPlan, processes: number): ShardPlan[] {
  const parts = Math.max(1, Math.min(processes, unitsOf(plan)));
  const connectConcurrency = Math.max(1, Math.ceil(plan.connectConcurrency / parts));
  let firstIndex = 0;
  return shares(unitsOf(plan), parts).map((count, index) => {
    const part = withShare(plan, count, connectConcurrency, { index, firstIndex, classCode: null });
    firstIndex += count;
    return part;
  });
}
