import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The thread's heap in use before and after a full collection, in bytes. */
export interface Collected {
  readonly heapUsedBefore: number;
  readonly heapUsedAfter: number;
  readonly ms: number;
}

/**
 * V8 exposes `gc` only in contexts created after --expose-gc is set: one of this module's own,
 * made when the solver thread loads. Setting the flag later, in the middle of a run, slowed the
 * main thread's work at that moment: a national run's write phase took 1.8 s against 0.6 s.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * A full garbage collection of this thread's heap, for a solver thread that has just replied:
 * idle, it allocates nothing, so V8 never collects it on its own, and a national solve's
 * garbage (the instance's text and objects, the candidate model: ~100–200 MB, and the shared
 * bytes it still references) stayed resident until the next run, adding to that run's peak.
 */
export function collectFully(): Collected {
  const heapUsedBefore = getHeapStatistics().used_heap_size;
  const startedAt = performance.now();
  collect();
  return { heapUsedBefore, heapUsedAfter: getHeapStatistics().used_heap_size, ms: Math.round(performance.now() - startedAt) };
}
