import { koreanDay, koreanWon } from '@server/common/messages/korean-format';

/** Dates, money and hours as Korean users write them. */

/** `2027-03-02` → `2027. 3. 2.` */
export function formatDate(isoDay: string | null | undefined): string {
  return isoDay ? koreanDay(isoDay) : '';
}

/** `{ start, end }` (inclusive) → `2027. 3. 2. ~ 2027. 5. 30.` */
export function formatPeriod(period: unknown): string {
  const { start, end } = (period ?? {}) as { start?: string; end?: string };
  return start && end ? `${formatDate(start)} ~ ${formatDate(end)}` : '';
}

/**
 * Reads a day typed as `2027. 3. 2.`, `2027.3.2`, `2027-03-02` or `2027/3/2`; null when it is not
 * a real calendar day.
 */
export function parseDate(text: string): string | null {
  const match = /^\s*(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** 12000 → `12,000원` */
export function formatWon(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '' : koreanWon(amount);
}

export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(date);
  const time = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${formatDate(day)} ${time}`;
}

/** `part` of `whole` as `54.5%`, rounded once from the counts (the API's 4-place rates would round twice); `–` without a whole. */
export function formatPercent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${(Math.round((part / whole) * 1000) / 10).toLocaleString('ko-KR')}%`;
}
