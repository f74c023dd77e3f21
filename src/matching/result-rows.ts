import { proposalRowsJson } from '../proposals/proposal-rows';
import type { MatchResult, MatchStats } from './core/types';

/**
 * A run's result as MatchRunResultsWriter stores it: JSON parameters its statements expand
 * with jsonb_to_recordset. Made by the solver thread (resultRows), so that the event loop
 * neither parses the result nor serialises its thousands of rows again.
 */
export interface ResultRows {
  /** The assignments as proposals, proposalRowsJson's text; proposalCount of them. */
  readonly proposals: string;
  readonly proposalCount: number;
  /** The unfilled gaps under match_run_unfilled's column names. */
  readonly unfilled: string;
  /** Every gap the run covered, filled or not, comma-separated: the earlier proposals it replaces. */
  readonly vacancyIdList: string;
  readonly stats: MatchStats;
}

export function resultRows(result: MatchResult): ResultRows {
  return {
    proposals: proposalRowsJson(
      result.assignments.map((assignment) => ({
        leaveGapId: assignment.vacancyId,
        seekerId: assignment.seekerId,
        score: assignment.score,
        breakdown: assignment.breakdown,
        commuteMinutes: assignment.commuteMinutes,
        alternatives: result.alternatives[assignment.vacancyId] ?? [],
      })),
    ),
    proposalCount: result.assignments.length,
    unfilled: JSON.stringify(
      result.unfilled.map((gap) => ({
        leave_gap_id: gap.vacancyId,
        feasible_candidates: gap.feasibleCandidates,
        excluded_by: gap.excludedBy,
        near_misses: gap.nearMisses,
      })),
    ),
    vacancyIdList: [...result.assignments.map((assignment) => assignment.vacancyId), ...result.unfilled.map((gap) => gap.vacancyId)].join(','),
    stats: result.stats,
  };
}
