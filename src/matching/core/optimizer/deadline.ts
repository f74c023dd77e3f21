/**
 * A wall-clock budget the optimizer checks itself, inside its loops: no solver is trusted to
 * stop on time. performance.now() reads a monotonic clock and does no I/O.
 */
export class Deadline {
  private readonly endsAt: number;

  constructor(timeLimitMs?: number) {
    this.endsAt = timeLimitMs === undefined ? Infinity : performance.now() + Math.max(0, timeLimitMs);
  }

  /** A share of what is left: this deadline or `shareMs` from now, whichever comes first. */
  share(shareMs: number): Deadline {
    return this.endsAt === Infinity ? this : new Deadline(Math.min(this.remainingMs(), shareMs));
  }

  expired(): boolean {
    return this.endsAt !== Infinity && performance.now() >= this.endsAt;
  }

  remainingMs(): number {
    return this.endsAt === Infinity ? Infinity : Math.max(0, this.endsAt - performance.now());
  }
}
