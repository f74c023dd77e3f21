import { Deadline } from '../../../../../src/matching/core/optimizer/deadline';

/**
 * A deadline that expires after a given number of checks instead of at a time, so that a
 * test can stop the optimizer at any point deterministically (no timed assertions).
 */
export class CountdownDeadline extends Deadline {
  checks = 0;

  constructor(private readonly checksAllowed: number) {
    super();
  }

  override expired(): boolean {
    this.checks++;
    return this.checks > this.checksAllowed;
  }

  override remainingMs(): number {
    return this.checks >= this.checksAllowed ? 0 : Infinity;
  }

  override share(): Deadline {
    return this;
  }
}
