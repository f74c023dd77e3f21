import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, DomainError, DomainErrorKind, FieldProblem, RuleViolation } from '../common/domain-error';

export interface IdempotentRequest {
  /** The operation, e.g. `proposals.confirm`: a key is unique within its scope. */
  readonly scope: string;
  /** The client's Idempotency-Key header; undefined when none was sent. */
  readonly key: string | undefined;
  /** What the request asks for; the same key sent with something else is refused. */
  readonly request: unknown;
}

/**
 * For answers that hold personal data: what is stored instead of the answer (e.g. the id),
 * and how a retry rebuilds the answer from it. Default: the answer itself.
 */
export interface StoredForm<T> {
  readonly store: (answer: T) => object;
  readonly replay: (stored: object) => Promise<T>;
}

/** A refused request's answer, stored so that a retry is refused the same way. */
interface StoredFailure {
  readonly failure: { kind: DomainErrorKind; code: string; message: string; fields: readonly FieldProblem[]; details?: Record<string, unknown> };
}

const MAX_KEY_LENGTH = 255;
/** Stored for the record; the answer replayed is the body, with the route's own success status. */
const SUCCESS = 201;
const FAILURE = 409;
const KEY_REUSED = 'idempotency.key_reused';

/** The stored answer was found: raised inside the transaction to leave it, handled outside. */
class StoredAnswer {
  constructor(readonly body: string) {}
}

/**
 * Idempotent execution of a state change. The key row is inserted in the same transaction
 * as the change itself, so the change and its stored answer commit together or not at all.
 * A concurrent request with the same key blocks on that row's unique index until the first
 * one ends, then replays the stored answer (or, if the first rolled back, does the work).
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `explainFailure` turns an error of the rolled-back transaction into the answer (it may
   * query: the transaction is over); a domain error is then remembered for retries.
   */
  async run<T extends object>(
    request: IdempotentRequest,
    work: (manager: EntityManager) => Promise<T>,
    explainFailure: (error: unknown) => Promise<unknown> = async (error) => error,
    storedForm?: StoredForm<T>,
  ): Promise<T> {
    if (request.key === undefined) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        throw await explainFailure(error);
      }
    }
    const key = checkedKey(request.key);
    const fingerprint = createHash('sha256').update(JSON.stringify(request.request)).digest('hex');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const claimed: { id: string }[] = await manager.query(
          `INSERT INTO idempotency_records (scope, key, fingerprint) VALUES ($1, $2, $3)
           ON CONFLICT (scope, key) DO NOTHING RETURNING id`,
          [request.scope, key, fingerprint],
        );
        if (claimed.length === 0) throw new StoredAnswer(await this.storedAnswer(manager, request.scope, key, fingerprint));
        const result = await work(manager);
        await manager.query(`UPDATE idempotency_records SET response_status = $2, response_body = $3 WHERE id = $1`, [
          claimed[0].id,
          SUCCESS,
          JSON.stringify(storedForm ? storedForm.store(result) : result),
        ]);
        return result;
      });
    } catch (error) {
      if (error instanceof StoredAnswer) {
        const stored = replay<T>(error.body);
        return storedForm ? storedForm.replay(stored) : stored;
      }
      if (error instanceof DomainError && error.code === KEY_REUSED) throw error;
      const answer = await explainFailure(error);
      if (answer instanceof DomainError) await this.rememberFailure(request.scope, key, fingerprint, answer);
      throw answer;
    }
  }

  private async storedAnswer(manager: EntityManager, scope: string, key: string, fingerprint: string): Promise<string> {
    const [stored]: { fingerprint: string; response_body: string | null }[] = await manager.query(
      `SELECT fingerprint, response_body FROM idempotency_records WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!stored || stored.fingerprint !== fingerprint) {
      throw new ConflictError(KEY_REUSED, 'This Idempotency-Key was already used for a different request.');
    }
    // Rows are only ever committed with their answer.
    return stored.response_body as string;
  }

  /** After the change rolled back: keep the refusal so a retry gets the same one. */
  private async rememberFailure(scope: string, key: string, fingerprint: string, error: DomainError): Promise<void> {
    const stored: StoredFailure = {
      failure: { kind: error.kind, code: error.code, message: error.message, fields: error.fields, details: error.details },
    };
    await this.dataSource.query(
      `INSERT INTO idempotency_records (scope, key, fingerprint, response_status, response_body)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope, key) DO NOTHING`,
      [scope, key, fingerprint, FAILURE, JSON.stringify(stored)],
    );
  }
}

function checkedKey(key: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new RuleViolation(
      'idempotency.key_invalid',
      'Idempotency-Key',
      `must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters`,
    );
  }
  return key;
}

function replay<T>(body: string): T {
  const parsed = JSON.parse(body) as T | StoredFailure;
  if (typeof parsed === 'object' && parsed !== null && 'failure' in parsed) {
    const { kind, code, message, fields, details } = (parsed as StoredFailure).failure;
    throw new DomainError(kind, code, message, fields, details);
  }
  return parsed as T;
}
