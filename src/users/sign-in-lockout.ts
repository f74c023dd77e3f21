import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TooManyAttemptsError } from '../auth/auth.errors';
import { Clock } from '../clock/clock';
import { normaliseEmail } from './passwords';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_WINDOW_SECONDS = 15 * 60;

/** One attempt in progress; settle it as a success or a failure. */
export interface SignInAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

/**
 * Locks an account (an email, known or not) after MAX_FAILED_SIGN_INS failures within
 * LOCKOUT_WINDOW_SECONDS. Counted in PostgreSQL, so the limit holds across instances; each
 * attempt is recorded BEFORE the password is checked and counts the attempts recorded before
 * it, so a burst of concurrent guesses cannot all slip under the limit.
 */
@Injectable()
export class SignInLockout {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records an attempt, or throws TooManyAttemptsError (with Retry-After) while locked out. */
  async begin(email: string): Promise<SignInAttempt> {
    const emailKey = normaliseEmail(email);
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_SECONDS * 1000);
    await this.dataSource.query(`DELETE FROM sign_in_attempts WHERE email_key = $1 AND attempted_at <= $2`, [emailKey, windowStart]);
    const [{ id }] = await this.dataSource.query(
      `INSERT INTO sign_in_attempts (email_key, attempted_at) VALUES ($1, $2) RETURNING id`,
      [emailKey, now],
    );
    const earlier: { attempted_at: Date }[] = await this.dataSource.query(
      `SELECT attempted_at FROM sign_in_attempts WHERE email_key = $1 AND id < $2 AND attempted_at > $3
       ORDER BY attempted_at DESC LIMIT $4`,
      [emailKey, id, windowStart, MAX_FAILED_SIGN_INS],
    );
    const forget = () => this.dataSource.query(`DELETE FROM sign_in_attempts WHERE id = $1`, [id]).then(() => undefined);
    if (earlier.length >= MAX_FAILED_SIGN_INS) {
      // A refused attempt is not a failure: it must not prolong the lock-out.
      await forget();
      const unlocksAt = earlier[MAX_FAILED_SIGN_INS - 1].attempted_at.getTime() + LOCKOUT_WINDOW_SECONDS * 1000;
      throw new TooManyAttemptsError(Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)));
    }
    return {
      succeeded: () =>
        this.dataSource.query(`DELETE FROM sign_in_attempts WHERE email_key = $1`, [emailKey]).then(() => undefined),
      failed: async () => undefined,
    };
  }
}
