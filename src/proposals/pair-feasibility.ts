import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pairFailures, RuleFailure } from '../matching/core/feasibility';
import { prepareInstance } from '../matching/core/prepared-instance';
import type { Seeker, Vacancy } from '../matching/core/types';
import { InstanceBuilder } from '../matching/instance-builder';

export interface Pair {
  readonly leaveGapId: string;
  readonly seekerId: string;
}

/** What the engine's rules say about one pair today. */
export type PairVerdict =
  | { readonly kind: 'feasible' }
  | { readonly kind: 'infeasible'; readonly failures: readonly RuleFailure[]; readonly vacancy: Vacancy; readonly seeker: Seeker }
  /** The gap is no longer open or has ended, its firm left, or the seeker is not active: no rule to apply. */
  | { readonly kind: 'out_of_scope' };

const keyOf = (pair: Pair) => `${pair.leaveGapId}/${pair.seekerId}`;

/**
 * Re-checks proposed pairs against the gaps and seekers as they are now, with the matching
 * core's own feasibility rules on the instance a run would build (the remaining days of a gap
 * that has started). Read through the caller's transaction, under the locks it holds.
 */
@Injectable()
export class PairFeasibility {
  constructor(private readonly instances: InstanceBuilder) {}

  async check(manager: EntityManager, pairs: readonly Pair[], asOf: string): Promise<Map<string, PairVerdict>> {
    const verdicts = new Map<string, PairVerdict>();
    if (pairs.length === 0) return verdicts;
    const instance = await this.instances.pairs(
      manager,
      { leaveGapIds: [...new Set(pairs.map((pair) => pair.leaveGapId))], seekerIds: [...new Set(pairs.map((pair) => pair.seekerId))] },
      asOf,
    );
    const prepared = prepareInstance(instance);
    for (const pair of pairs) {
      const vacancyIndex = prepared.vacancyIndexById.get(pair.leaveGapId);
      const seekerIndex = prepared.seekerIndexById.get(pair.seekerId);
      if (vacancyIndex === undefined || seekerIndex === undefined) {
        verdicts.set(keyOf(pair), { kind: 'out_of_scope' });
        continue;
      }
      const vacancy = prepared.vacancies[vacancyIndex];
      const seeker = prepared.seekers[seekerIndex];
      const failures = pairFailures(vacancy, seeker);
      verdicts.set(
        keyOf(pair),
        failures.length === 0 ? { kind: 'feasible' } : { kind: 'infeasible', failures, vacancy: vacancy.vacancy, seeker: seeker.seeker },
      );
    }
    return verdicts;
  }

  async checkOne(manager: EntityManager, pair: Pair, asOf: string): Promise<PairVerdict> {
    return (await this.check(manager, [pair], asOf)).get(keyOf(pair))!;
  }
}

export function pairKey(pair: Pair): string {
  return keyOf(pair);
}
