import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordEvent } from '../outbox/outbox';
import { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import type { ResultRows } from './result-rows';
import { MatchRun } from './match-run.entity';

/**
 * Writes a run's result in one transaction (proposals, unfilled diagnostics, stats, status),
 * so a crash mid-way leaves nothing half-written and the run can simply be retried.
 */
@Injectable()
export class MatchRunResultsWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalLifecycle,
  ) {}

  /** False when the run is no longer this attempt's to finish. */
  async write(run: MatchRun, jobId: string, rows: ResultRows): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [current]: { status: string; job_id: string; attempts: number }[] = await manager.query(
        `SELECT status, job_id, attempts FROM match_runs WHERE id = $1 FOR UPDATE`,
        [run.id],
      );
      // Another attempt took over (pg-boss retried an attempt it considered expired), or the sweep failed the run.
      if (current?.status !== 'running' || current.job_id !== jobId || current.attempts !== run.attempts) return false;

      if (rows.proposalCount > 0) await this.proposals.propose(manager, run.id, rows.proposals);
      // One JSON parameter, expanded by PostgreSQL: no per-row statement building on the event loop.
      await manager.query(
        `INSERT INTO match_run_unfilled (match_run_id, leave_gap_id, feasible_candidates, excluded_by, near_misses)
         SELECT $1, r.leave_gap_id, r.feasible_candidates, r.excluded_by, r.near_misses
         FROM jsonb_to_recordset($2::jsonb) AS r(leave_gap_id uuid, feasible_candidates int, excluded_by jsonb, near_misses jsonb)`,
        [run.id, rows.unfilled],
      );

      // The newest run speaks for the gaps it covered: earlier open proposals for them retire.
      // Waiting for rows a confirm holds is safe here: a confirm never waits for a run's write.
      const replaced: { id: string }[] = await manager.query(
        `SELECT id FROM proposals WHERE status = 'proposed' AND match_run_id <> $1::uuid AND leave_gap_id = ANY(string_to_array($2, ',')::uuid[])
         ORDER BY id FOR UPDATE`,
        [run.id, rows.vacancyIdList],
      );
      await this.proposals.supersede(
        manager,
        replaced.map((row) => ({ proposalId: row.id, cause: 'replaced', reason: `replaced by match run ${run.id}` })),
      );
      // Confirmations committed while the engine was solving may have made some pairs impossible.
      const confirmedElsewhere: { id: string }[] = await manager.query(
        `SELECT p.id FROM proposals p JOIN leave_gaps g ON g.id = p.leave_gap_id
         WHERE p.match_run_id = $1 AND p.status = 'proposed'
           AND (g.status <> 'open' OR EXISTS (
             SELECT 1 FROM placements pl WHERE pl.seeker_id = p.seeker_id AND pl.status = 'confirmed'
               AND pl.period && daterange(g.placement_start, g.placement_end, '[]')))`,
        [run.id],
      );
      await this.proposals.supersede(
        manager,
        confirmedElsewhere.map((row) => ({ proposalId: row.id, cause: 'confirmed_elsewhere', reason: 'confirmed elsewhere while the run was solving' })),
      );
      // So may a gap changed since the run started (the engine saw its old terms) or a seeker
      // who changed, went inactive or withdrew: the next run proposes afresh for them.
      const changed: { id: string }[] = await manager.query(
        `SELECT p.id FROM proposals p JOIN leave_gaps g ON g.id = p.leave_gap_id JOIN seekers s ON s.id = p.seeker_id
           JOIN match_runs r ON r.id = p.match_run_id
         WHERE p.match_run_id = $1 AND p.status = 'proposed' AND (g.updated_at > r.started_at OR s.status <> 'active')`,
        [run.id],
      );
      await this.proposals.supersede(
        manager,
        changed.map((row) => ({ proposalId: row.id, cause: 'changed_while_solving', reason: 'the leave gap or the seeker changed while the run was solving' })),
      );

      await manager.update(
        MatchRun,
        { id: run.id },
        // The transaction's start: when writing began.
        { status: 'succeeded', stats: rows.stats, solvedAt: () => 'transaction_timestamp()', finishedAt: new Date(), solveMs: rows.stats.solveMs, errorMessage: null },
      );
      await recordEvent(manager, {
        type: 'match_run.succeeded',
        aggregateType: 'match_run',
        aggregateId: run.id,
        payload: { vacancies: rows.stats.vacancies, filled: rows.stats.filled, optimal: rows.stats.optimal },
      });
      return true;
    });
  }
}
