import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The thread's heap in use before and after a full collection, in bytes. */
export interface Collected {
  readonly heapUsedBefore: number;
  readonly heapUsedAfter: number;
  readonly ms: number;
}

let collect: (() => void) | undefined;

/**
 * A full garbage collection of this thread's heap, for a solver thread that has just replied:
 * idle, it allocates nothing, so V8 never collects it on its own, and a national solve's
 * garbage (the instance's text and objects, the candidate model: ~100–200 MB, and the shared
 * bytes it still references) stayed resident until the next run, adding to that run's peak.
 * V8 exposes `gc` only in contexts created after --expose-gc is set: one of this module's own.
 */
export function collectFully(): Collected {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  const heapUsedBefore = getHeapStatistics().used_heap_size;
  const startedAt = performance.now();
  collect();
  return { heapUsedBefore, heapUsedAfter: getHeapStatistics().used_heap_size, ms: Math.round(performance.now() - startedAt) };
}
