import type { Writable } from 'node:stream';

/** Flushed whenever this much text is waiting: each write stays small, memory stays flat. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * Writes `value` as JSON without ever building the whole text: a result with millions of
 * pairs is longer than the largest string V8 can hold (`RangeError: Invalid string length`).
 * Objects and arrays are written member by member, `depth` levels down; deeper values with
 * JSON.stringify. Waits for the stream to drain, and stops (returning false) once `stillInTime`
 * says the time is up.
 */
export async function writeJsonStreamed(
  out: Writable,
  value: unknown,
  stillInTime: () => boolean = () => true,
  depth = 3,
): Promise<boolean> {
  let buffer = '';
  const emit = async (text: string): Promise<boolean> => {
    buffer += text;
    if (buffer.length < CHUNK_CHARACTERS) return true;
    return flush();
  };
  const flush = async (): Promise<boolean> => {
    if (!stillInTime()) return false;
    const text = buffer;
    buffer = '';
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
    return true;
  };
  const write = async (item: unknown, level: number): Promise<boolean> => {
    const container = typeof item === 'object' && item !== null && level < depth && typeof (item as { toJSON?: unknown }).toJSON !== 'function';
    if (!container) return emit(JSON.stringify(item) ?? 'null');
    const isArray = Array.isArray(item);
    const entries = isArray ? (item as unknown[]).map((element) => [undefined, element] as const) : Object.entries(item as object);
    if (!(await emit(isArray ? '[' : '{'))) return false;
    let first = true;
    for (const [key, member] of entries) {
      if (member === undefined && !isArray) continue;
      const prefix = `${first ? '' : ','}\n${'  '.repeat(level + 1)}${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
      first = false;
      if (!(await emit(prefix)) || !(await write(member, level + 1))) return false;
    }
    return emit(`${first ? '' : `\n${'  '.repeat(level)}`}${isArray ? ']' : '}'}`);
  };
  return (await write(value, 0)) && (await emit('\n')) && (await flush());
}
