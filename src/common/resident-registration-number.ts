import type { NextFunction, Request, Response } from 'express';
import { isCalendarDate } from './calendar-date';
import { DomainError } from './domain-error';

/**
 * 주민등록번호 (and the foreigner registration number of the same shape): YYMMDD, an optional
 * dash (any of the dashes word processors put there, spaces around it allowed), then a digit 1–8 (sex and century) and six more digits. PIPA forbids processing it
 * without a legal basis, which chaeum does not have, so it must never enter the service.
 * The check digit is not tested: numbers issued since October 2020 no longer carry one.
 */
const CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})\s?[-‐‑‒–—―−－]?\s?([1-8])\d{6}(?!\d)/g;
const CENTURY_OF_DIGIT: Record<string, number> = { '1': 1900, '2': 1900, '3': 2000, '4': 2000, '5': 1900, '6': 1900, '7': 2000, '8': 2000 };
/** Nested deeper than this, a body is not something a client of this API sends. */
const MAX_DEPTH = 32;

function isResidentNumberMatch(match: RegExpMatchArray): boolean {
  const [, year, month, day, centuryDigit] = match;
  const fullYear = CENTURY_OF_DIGIT[centuryDigit] + Number(year);
  return isCalendarDate(`${fullYear}-${month}-${day}`);
}

export function containsResidentNumber(text: string): boolean {
  return [...text.matchAll(CANDIDATE)].some(isResidentNumberMatch);
}

/** The text with every resident registration number replaced, for anything that gets logged. */
export function maskResidentNumbers(text: string): string {
  return text.replace(CANDIDATE, (...args) => (isResidentNumberMatch(args as unknown as RegExpMatchArray) ? '[redacted]' : args[0]));
}

/** A request path fit to quote back or log: decoded and masked when it carries a resident number. */
export function maskResidentNumbersInPath(path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  return containsResidentNumber(decoded) ? maskResidentNumbers(decoded) : path;
}

/** Path of the first key or value (strings and numbers) that carries a resident number, if any. */
export function findResidentNumber(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return containsResidentNumber(String(value)) ? path || '(value)' : undefined;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (containsResidentNumber(key)) return maskResidentNumbers(itemPath);
    const found = findResidentNumber(item, itemPath, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export class ResidentNumberForbiddenError extends DomainError {
  constructor(field: string) {
    const message = 'resident registration numbers (주민등록번호) must not be sent to this service';
    super('validation', 'pipa.resident_number_forbidden', message, [{ field, code: 'pipa.resident_number_forbidden', message }]);
  }
}

/**
 * Express middleware, installed right after the body parser: a request that carries a resident
 * registration number in its path, query or body is refused before any handler, log line or
 * query sees it. The error names where it was, never the value.
 */
export function refuseResidentNumbers(request: Request, _response: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    path = request.path;
  }
  const field = containsResidentNumber(path)
    ? '(path)'
    : (prefixed('query', findResidentNumber(request.query)) ?? prefixed('body', findResidentNumber(request.body)));
  next(field === undefined ? undefined : new ResidentNumberForbiddenError(field));
}

function prefixed(where: string, path: string | undefined): string | undefined {
  return path === undefined ? undefined : `${where}${path.startsWith('[') ? '' : '.'}${path}`;
}
