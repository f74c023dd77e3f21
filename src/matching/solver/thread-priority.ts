import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's priority to `nice`, on Linux, where a nice value belongs to one
 * thread (`<pid>/task/<tid>` is what /proc/thread-self points at): the process's other threads,
 * the HTTP event loop among them, keep theirs. Elsewhere, or when refused, it does nothing.
 * Returns the thread id and the nice value set, or undefined when none was.
 */
export function niceThisThread(nice: number): { threadId: number; nice: number } | undefined {
  let threadId: number;
  try {
    threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(threadId) || threadId <= 0) return undefined;
  if (nice === 0) return { threadId, nice };
  try {
    setPriority(threadId, nice);
  } catch {
    return undefined;
  }
  return { threadId, nice };
}
