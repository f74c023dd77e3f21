/** Talent Bank works on Korean calendar days, whatever the server's time zone. */
const SEOUL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of the instant in Asia/Seoul. */
export function seoulDate(instant: Date): string {
  return SEOUL_DAY.format(instant);
}
