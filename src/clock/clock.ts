import { seoulDate } from './seoul-date';

/**
 * The one source of "now" and "today" for the whole service. Talent Bank works on Korean
 * calendar days, so "today" is the date in Asia/Seoul whatever the server's zone; SQL gets it
 * as a parameter (never `current_date`, which is the database server's zone).
 * Tests replace it with a FixedClock to pin the day.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Asia/Seoul, `YYYY-MM-DD`. */
  today(): string {
    return seoulDate(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that reads one instant until moved: for tests and replays. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date): void {
    this.instant = instant;
  }

  /** Noon in Seoul on that calendar day. */
  static onSeoulDay(day: string): FixedClock {
    return new FixedClock(new Date(`${day}T12:00:00+09:00`));
  }
}
