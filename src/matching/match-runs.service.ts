import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { ConflictError, DomainError, NotFoundError, RuleViolation } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { recordEvent } from '../outbox/outbox';
import { toDateRangeLiteral } from '../placements/placement-period';
import { validateInstance } from './core/validate-instance';
import {
  CreateMatchRunDto,
  DEFAULT_TIME_LIMIT_MS,
  ListMatchRunsQuery,
  MatchRunResponse,
  toMatchRunResponse,
} from './dto/match-run.dto';
import { MatchQueue } from './match-queue';
import { MatchRun, MatchScope } from './match-run.entity';

/** Serialises the "is an overlapping run active?" check with the insert, across instances. */
const SCOPE_LOCK_KEY = 0x6368_6165; // "chae"
const UNBOUNDED_PERIOD = '(,)';
/** The personal fields of each seeker in a stored instance, as the access log names them. */
const INSTANCE_SEEKER_FIELDS = ['home', 'skills', 'certifications', 'availability', 'weeklyHours', 'minHourlyWage', 'blockedFirmIds'];

/** Creating, reading and retrying match runs; the work itself is MatchRunExecutor's. */
@Injectable()
export class MatchRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MatchRun) private readonly runs: Repository<MatchRun>,
    private readonly queue: MatchQueue,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** With an Idempotency-Key, a retry answers the run the first request started (as it is now). */
  async create(dto: CreateMatchRunDto, principal: Principal, idempotencyKey?: string): Promise<MatchRunResponse> {
    const scope = scopeOf(dto);
    assertWeights(dto.weights);
    const request = { scope: `match_runs.create by ${principal.subject}`, key: idempotencyKey, request: dto };
    const storedForm = { store: (answer: MatchRunResponse) => ({ matchRunId: answer.id }), replay: (stored: object) => this.get((stored as { matchRunId: string }).matchRunId) };
    const run = await this.idempotency.run(request, async (manager) => {
      const scopeComplexIds = await resolveComplexes(manager, scope);
      const scopePeriod = scope.horizon ? toDateRangeLiteral({ start: scope.horizon.from, end: scope.horizon.to }) : UNBOUNDED_PERIOD;
      await assertScopeFree(manager, scopeComplexIds, scopePeriod);
      const created = await manager.save(
        manager.create(MatchRun, {
          status: 'queued',
          scope,
          scopeComplexIds,
          scopePeriod,
          weights: dto.weights ?? null,
          timeLimitMs: dto.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
          asOf: this.clock.today(),
        }),
      );
      return toMatchRunResponse(await this.enqueue(manager, created, false));
    }, undefined, storedForm);
    this.queue.wakeWorker();
    return run;
  }

  async get(id: string): Promise<MatchRunResponse> {
    return toMatchRunResponse(await this.find(id));
  }

  async list(query: ListMatchRunsQuery): Promise<Page<MatchRunResponse>> {
    const result = await this.runs.findAndCount({
      where: query.status !== undefined ? { status: query.status } : {},
      order: { queuedAt: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(query, result, toMatchRunResponse);
  }

  /**
   * The exact input the engine was given, for `npm run match -- --input FILE`, as the JSON text
   * the database keeps: never parsed and re-serialised here (a national instance is tens of MB).
   * It holds the seekers' homes, skills, wage wishes and availability: a read of personal data
   * (PIPA), logged as one entry naming every seeker in it.
   */
  async instance(id: string, reader: Principal): Promise<string> {
    const run = await this.find(id);
    const [row]: { text: string | null; seeker_ids: string | null }[] = await this.dataSource.query(
      `SELECT instance AS text, array_to_string(instance_seeker_ids, ',') AS seeker_ids FROM match_runs WHERE id = $1`,
      [run.id],
    );
    if (!row?.text) {
      const why = run.status === 'queued' || run.status === 'running' ? 'has not built its instance yet' : 'has no stored instance (not built before it failed, or dropped by the retention policy)';
      throw new ConflictError('match_run.no_instance', `match run ${run.id} ${why} (status ${run.status})`, { status: run.status });
    }
    await this.accessLog.recordRead(reader, row.seeker_ids ? row.seeker_ids.split(',') : [], { action: 'match-runs.instance', fields: INSTANCE_SEEKER_FIELDS });
    return row.text;
  }

  /** A failed run goes back into the queue as it was asked for, on today's data. */
  async retry(id: string): Promise<MatchRunResponse> {
    if (!isUUID(id)) throw new NotFoundError('match_run', id);
    const run = await this.dataSource.transaction(async (manager) => {
      const failed = await manager.findOne(MatchRun, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!failed) throw new NotFoundError('match_run', id);
      if (failed.status !== 'failed') {
        throw new ConflictError('match_run.not_failed', `match run ${id} is ${failed.status}; only a failed run can be retried`, {
          status: failed.status,
        });
      }
      await assertScopeFree(manager, failed.scopeComplexIds, failed.scopePeriod);
      const requeued = {
        status: 'queued' as const,
        asOf: this.clock.today(),
        errorMessage: null,
        queuedAt: new Date(),
        startedAt: null,
        finishedAt: null,
        solveMs: null,
      };
      await manager.update(MatchRun, { id }, requeued);
      Object.assign(failed, requeued);
      return this.enqueue(manager, failed, true);
    });
    this.queue.wakeWorker();
    return toMatchRunResponse(run);
  }

  private async enqueue(manager: EntityManager, run: MatchRun, retry: boolean): Promise<MatchRun> {
    run.jobId = await this.queue.send({ matchRunId: run.id }, manager);
    await manager.update(MatchRun, { id: run.id }, { jobId: run.jobId });
    await recordEvent(manager, { type: 'match_run.queued', aggregateType: 'match_run', aggregateId: run.id, payload: { retry } });
    return run;
  }

  private async find(id: string): Promise<MatchRun> {
    const run = isUUID(id) ? await this.runs.findOneBy({ id }) : null;
    if (!run) throw new NotFoundError('match_run', id);
    return run;
  }
}

function scopeOf(dto: CreateMatchRunDto): MatchScope {
  if (dto.horizon && dto.horizon.to < dto.horizon.from) {
    throw new RuleViolation('match_run.horizon_reversed', 'horizon.to', 'horizon.to must not be before horizon.from');
  }
  return {
    ...(dto.complexIds?.length ? { complexIds: [...new Set(dto.complexIds)].sort() } : {}),
    ...(dto.leaveGapIds?.length ? { leaveGapIds: [...new Set(dto.leaveGapIds)].sort() } : {}),
    ...(dto.horizon ? { horizon: { from: dto.horizon.from, to: dto.horizon.to } } : {}),
  };
}

/** The engine's own rules for weights (known parts, non-negative, not all zero), as field problems. */
function assertWeights(weights: unknown): void {
  if (weights === undefined) return;
  const validation = validateInstance({ vacancies: [], seekers: [], weights });
  if (validation.ok) return;
  const fields = validation.problems.map((problem) => {
    const [field, ...message] = problem.split(': ');
    return { field, code: 'match_run.invalid_weights', message: message.join(': ') };
  });
  throw new DomainError('validation', 'match_run.invalid_weights', 'The score weights are invalid.', fields);
}

/** Complexes the scope reaches (null: all), checking that every named complex and gap exists. */
async function resolveComplexes(manager: EntityManager, scope: MatchScope): Promise<string[] | null> {
  if (!scope.complexIds && !scope.leaveGapIds) return null;
  const complexIds = scope.complexIds ?? [];
  const known: { id: string }[] = await manager.query(`SELECT id FROM industrial_complexes WHERE id = ANY($1::uuid[])`, [complexIds]);
  const missingComplex = complexIds.find((id) => !known.some((row) => row.id === id));
  if (missingComplex) throw new RuleViolation('match_run.unknown_complex', 'complexIds', `complex ${missingComplex} does not exist`);
  const gapIds = scope.leaveGapIds ?? [];
  const gaps: { id: string; complex_id: string }[] = await manager.query(
    `SELECT g.id, f.complex_id FROM leave_gaps g JOIN firms f ON f.id = g.firm_id WHERE g.id = ANY($1::uuid[])`,
    [gapIds],
  );
  const missingGap = gapIds.find((id) => !gaps.some((row) => row.id === id));
  if (missingGap) throw new RuleViolation('match_run.unknown_leave_gap', 'leaveGapIds', `leave gap ${missingGap} does not exist`);
  return [...new Set([...complexIds, ...gaps.map((row) => row.complex_id)])].sort();
}

/**
 * One active run per overlapping scope (sharing a complex and a day of the horizon). The
 * advisory lock makes check-then-insert safe between concurrent requests and instances.
 */
async function assertScopeFree(manager: EntityManager, complexIds: string[] | null, period: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SCOPE_LOCK_KEY]);
  const [busy]: { id: string; status: string }[] = await manager.query(
    `SELECT id, status FROM match_runs
     WHERE status IN ('queued', 'running')
       AND (scope_complex_ids IS NULL OR $1::uuid[] IS NULL OR scope_complex_ids && $1::uuid[])
       AND scope_period && $2::daterange
     ORDER BY queued_at LIMIT 1`,
    [complexIds, period],
  );
  if (busy) {
    throw new ConflictError('match_run.scope_busy', `match run ${busy.id} is ${busy.status} for an overlapping scope`, {
      matchRunId: busy.id,
      status: busy.status,
    });
  }
}
