/** Talent Bank works on Korean calendar days, whatever the server's time zone. */
const SEOUL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of the instant in Asia/Seoul. */
export function seoulDate(instant: Date): string {
  return SEOUL_DAY.format(instant);
}

const SEOUL_MINUTE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' });

/** `YYYY-MM-DD HH:mm` of the instant in Asia/Seoul: how a time is shown to Korean readers of a file. */
export function seoulDateTime(instant: Date): string {
  return SEOUL_MINUTE.format(instant);
}
