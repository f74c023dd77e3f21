import { setImmediate as nextTurn } from 'node:timers/promises';

/** Array elements serialised between two yields: a few milliseconds of work. */
const ELEMENTS_PER_SLICE = 2_000;

/**
 * Exactly JSON.stringify(value) for a plain object whose large parts are arrays of plain
 * values, built slice by slice with a yield to the event loop in between, so that a national
 * instance (tens of MB) never holds up HTTP requests for the whole serialisation.
 */
export async function stringifyYielding(value: object): Promise<string> {
  const parts: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    const prefix = `${JSON.stringify(key)}:`;
    if (!Array.isArray(field)) {
      parts.push(prefix + JSON.stringify(field));
      continue;
    }
    const elements: string[] = [];
    for (let start = 0; start < field.length; start += ELEMENTS_PER_SLICE) {
      if (start > 0) await nextTurn();
      for (const element of field.slice(start, start + ELEMENTS_PER_SLICE)) elements.push(JSON.stringify(element) ?? 'null');
    }
    parts.push(`${prefix}[${elements.join(',')}]`);
  }
  return `{${parts.join(',')}}`;
}
