import type { Alternative, ScoreBreakdown } from '../matching/core/types';

export interface NewProposal {
  readonly leaveGapId: string;
  readonly seekerId: string;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
  readonly commuteMinutes: number;
  readonly alternatives: readonly Alternative[];
}

/**
 * New proposals as the one JSON parameter ProposalLifecycle.propose expands with
 * jsonb_to_recordset, under its column names. Pure, so that the solver thread writes it where
 * the result is: a national run's 5,000 proposals are then never parsed nor serialised on the
 * event loop (the result's parse and this text were ~40 ms there in one task).
 */
export function proposalRowsJson(proposals: readonly NewProposal[]): string {
  return JSON.stringify(
    proposals.map((proposal) => ({
      leave_gap_id: proposal.leaveGapId,
      seeker_id: proposal.seekerId,
      score: proposal.score,
      breakdown: proposal.breakdown,
      commute_minutes: proposal.commuteMinutes,
      alternatives: proposal.alternatives,
    })),
  );
}
