import { parseDay } from './calendar-days';

/** Small checkers that record a problem (`path: message`) instead of throwing. */
export type Problems = string[];

export type JsonObject = { readonly [key: string]: unknown };

export const fieldPath = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);
export const itemPath = (parent: string, index: number) => `${parent}[${index}]`;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field given as `undefined` counts as absent, as it would after a JSON round trip. */
export function hasField(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined;
}

/**
 * The object when it is one, after reporting unknown and missing fields; undefined (with a
 * problem recorded) when it is not an object at all.
 */
export function checkObject(
  value: unknown,
  path: string,
  problems: Problems,
  fields: { readonly required: readonly string[]; readonly optional?: readonly string[] },
): JsonObject | undefined {
  if (!isJsonObject(value)) {
    problems.push(`${path || 'instance'}: must be an object`);
    return undefined;
  }
  const known = knownFields(fields);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) problems.push(`${fieldPath(path, key)}: unknown field`);
  }
  for (const key of fields.required) {
    if (!hasField(value, key)) problems.push(`${fieldPath(path, key)}: required`);
  }
  return value;
}

type FieldSpec = { readonly required: readonly string[]; readonly optional?: readonly string[] };
/** Each field spec's allowed names as a set, built once per spec rather than once per object checked. */
const knownFieldSets = new WeakMap<FieldSpec, ReadonlySet<string>>();

function knownFields(fields: FieldSpec): ReadonlySet<string> {
  let known = knownFieldSets.get(fields);
  if (!known) {
    known = new Set([...fields.required, ...(fields.optional ?? [])]);
    knownFieldSets.set(fields, known);
  }
  return known;
}

export function checkArray(value: unknown, path: string, problems: Problems): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  problems.push(`${path}: must be an array`);
  return undefined;
}

export function checkNonEmptyString(value: unknown, path: string, problems: Problems): value is string {
  if (typeof value === 'string' && value.length > 0) return true;
  problems.push(`${path}: must be a non-empty string`);
  return false;
}

export function checkNumber(
  value: unknown,
  path: string,
  problems: Problems,
  rule: { readonly min?: number; readonly max?: number; readonly integer?: boolean },
): value is number {
  const finite = typeof value === 'number' && Number.isFinite(value);
  const ok =
    finite &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (ok) return true;
  const kind = rule.integer ? 'an integer' : 'a number';
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` from ${rule.min} to ${rule.max}`
      : rule.min !== undefined
        ? ` ≥ ${rule.min}`
        : rule.max !== undefined
          ? ` ≤ ${rule.max}`
          : '';
  problems.push(`${path}: must be ${kind}${range}`);
  return false;
}

/** The day number of a strict `YYYY-MM-DD` calendar date, or undefined (problem recorded). */
export function checkDate(value: unknown, path: string, problems: Problems): number | undefined {
  const day = typeof value === 'string' ? parseDay(value) : undefined;
  if (day === undefined) problems.push(`${path}: must be a calendar date YYYY-MM-DD`);
  return day;
}

/** Reports every later occurrence of a key already seen, naming where it was first seen. */
export class DuplicateTracker {
  /** Most lists checked hold one or two keys (a seeker's skills): the map is made for the second. */
  private firstKey?: string;
  private firstPath?: string;
  private firstSeen?: Map<string, string>;

  constructor(
    private readonly problems: Problems,
    private readonly describe: (key: string) => string,
  ) {}

  /** True when the key is new. */
  add(key: string, path: string): boolean {
    if (this.firstKey === undefined) {
      this.firstKey = key;
      this.firstPath = path;
      return true;
    }
    const earlier = key === this.firstKey ? this.firstPath : this.firstSeen?.get(key);
    if (earlier === undefined) {
      (this.firstSeen ??= new Map()).set(key, path);
      return true;
    }
    this.problems.push(`${path}: duplicate ${this.describe(key)} (also ${earlier})`);
    return false;
  }

  has(key: string): boolean {
    return key === this.firstKey || (this.firstSeen?.has(key) ?? false);
  }
}
