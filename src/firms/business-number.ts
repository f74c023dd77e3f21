/**
 * 사업자등록번호 (Korean business registration number): 10 digits, the last a check digit.
 * Weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus floor(d₈ × 5 / 10) (0-based d₈),
 * check digit = (10 − sum mod 10) mod 10.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;
const TEN_DIGITS = /^\d{10}$/;
const WRITTEN_FORM = /^\d{3}-?\d{2}-?\d{5}$/;

export function businessNumberCheckDigit(firstNineDigits: string): number {
  const digits = [...firstNineDigits].map(Number);
  const weighted = WEIGHTS.reduce((sum, weight, i) => sum + digits[i] * weight, 0);
  const sum = weighted + Math.floor((digits[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** True for ten digits whose last one is the check digit of the first nine. */
export function isValidBusinessNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !TEN_DIGITS.test(value)) return false;
  return businessNumberCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** Accepts the usual written form `123-45-67890` as well as bare digits; anything else unchanged. */
export function normalizeBusinessNumber(value: unknown): unknown {
  return typeof value === 'string' && WRITTEN_FORM.test(value.trim()) ? value.trim().replace(/-/g, '') : value;
}

/** Completes nine digits with their check digit (used by the demo seed and test factories). */
export function completeBusinessNumber(firstNineDigits: string): string {
  if (!/^\d{9}$/.test(firstNineDigits)) throw new Error(`expected nine digits, got ${firstNineDigits}`);
  return firstNineDigits + businessNumberCheckDigit(firstNineDigits);
}
