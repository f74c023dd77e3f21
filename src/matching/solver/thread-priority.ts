import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** This thread's id, on Linux (`/proc/thread-self` → `<pid>/task/<tid>`); undefined elsewhere. */
export function thisThreadId(): number | undefined {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(threadId) && threadId > 0 ? threadId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sets the calling thread's nice value, on Linux, where a nice value belongs to one thread:
 * the process's other threads, the HTTP event loop among them, keep theirs. Raising it needs
 * no privilege; lowering it again needs CAP_SYS_NICE or a RLIMIT_NICE that allows it, and is
 * otherwise refused (the thread stays where it was). Returns the thread id and the nice value
 * it runs at afterwards, or undefined where threads have no id of their own.
 */
export function setThisThreadNice(nice: number): { threadId: number; nice: number } | undefined {
  const threadId = thisThreadId();
  if (threadId === undefined) return undefined;
  try {
    if (getPriority(threadId) !== nice) setPriority(threadId, nice);
  } catch {
    // Refused: reported through the value read back.
  }
  return { threadId, nice: getPriority(threadId) };
}
