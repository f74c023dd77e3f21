/**
 * Days and money as Korean users write them, for the server's Korean texts and the console alike
 * (web/src/i18n/format.ts builds on these), so an explanation and the page around it agree.
 */

/** `2027-03-02` (or a timestamp starting with it) → `2027. 3. 2.` */
export function koreanDay(isoDay: string): string {
  const [year, month, day] = isoDay.slice(0, 10).split('-').map(Number);
  return `${year}. ${month}. ${day}.`;
}

/** 12000 → `12,000원` */
export function koreanWon(amount: number): string {
  return `${amount.toLocaleString('ko-KR')}원`;
}
