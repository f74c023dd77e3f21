import { runContaining } from './day-runs';
import type { SeekerProfile, VacancyProfile } from './prepared-instance';
import { SCORE_PARTS, ScoreBreakdown, ScorePart, ScoreWeights } from './types';

/**
 * Score of a feasible pair: 100 × Σ wᵢfᵢ / Σ wᵢ, each factor fᵢ in [0, 1] (docs/matching.md).
 * Scores and parts are integer hundredths internally, so that the reported parts add up to
 * the reported score exactly.
 */

export type ResolvedWeights = { readonly [part in ScorePart]: number };

export const DEFAULT_WEIGHTS: ResolvedWeights = {
  skills: 25,
  preferredSkills: 15,
  commute: 25,
  dateFit: 10,
  wage: 10,
  waiting: 15,
};

/** Skill levels run 1..5. */
const TOP_LEVEL = 5;
/** A wage this far above the seeker's minimum (relative) earns the whole wage part. */
const FULL_WAGE_PREMIUM = 0.2;
/** Waiting this many days earns the whole waiting part. */
const FULL_WAITING_DAYS = 365;
/** Without asOf the engine cannot tell how long anyone waited: everyone gets the same. */
const NEUTRAL_WAITING = 0.5;

export function resolveWeights(overrides: ScoreWeights | undefined): ResolvedWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const part of SCORE_PARTS) weights[part] = overrides?.[part] ?? weights[part];
  return weights;
}

export interface PairScore {
  /** Integer hundredths, 0..10000. */
  readonly score: number;
  /** Integer hundredths per part, in SCORE_PARTS order; they sum to `score`. */
  readonly parts: readonly number[];
}

export interface ScoringContext {
  readonly weights: ResolvedWeights;
  readonly asOfDay: number | undefined;
}

const clampUnit = (value: number) => Math.min(1, Math.max(0, value));

/** One required skill's share of the skills factor: how far above the required level, up to the top level. */
export function requiredSkillFactor(level: number, required: number): number {
  return required >= TOP_LEVEL ? 1 : clampUnit((level - required) / (TOP_LEVEL - required));
}

/** One preferred skill's share of the preferred-skills factor. */
export function preferredSkillFactor(level: number, preferred: number): number {
  return clampUnit(level / preferred);
}

function skillsFactor(v: VacancyProfile, s: SeekerProfile): number {
  const required = v.vacancy.requiredSkills;
  if (required.length === 0) return 1;
  let total = 0;
  for (const skill of required) total += requiredSkillFactor(s.skillLevels.get(skill.code) ?? 0, skill.level);
  return total / required.length;
}

function preferredSkillsFactor(v: VacancyProfile, s: SeekerProfile): number {
  const preferred = v.vacancy.preferredSkills;
  if (preferred.length === 0) return 1;
  let total = 0;
  for (const skill of preferred) total += preferredSkillFactor(s.skillLevels.get(skill.code) ?? 0, skill.level);
  return total / preferred.length;
}

export function commuteFactorOf(maxCommuteMinutes: number, minutes: number): number {
  return maxCommuteMinutes <= 0 ? 1 : clampUnit(1 - minutes / maxCommuteMinutes);
}

function commuteFactor(s: SeekerProfile, minutes: number): number {
  return commuteFactorOf(s.seeker.maxCommuteMinutes, minutes);
}

/** The vacancy's days over those of the free run holding it. */
export function dateFitOf(start: number, end: number, windowStart: number, windowEnd: number): number {
  return (end - start + 1) / (windowEnd - windowStart + 1);
}

function dateFitFactor(v: VacancyProfile, s: SeekerProfile): number {
  const window = runContaining(s.free, v.start, v.end);
  if (!window) return 0;
  return dateFitOf(v.start, v.end, window.start, window.end);
}

/** `minimum` is 0 when the seeker sets none. */
export function wageFactorOf(hourlyWage: number, minimum: number): number {
  if (minimum === 0) return 1;
  return clampUnit((hourlyWage - minimum) / (FULL_WAGE_PREMIUM * minimum));
}

function wageFactor(v: VacancyProfile, s: SeekerProfile): number {
  return wageFactorOf(v.vacancy.hourlyWage, s.seeker.minHourlyWage ?? 0);
}

export function waitingFactor(s: SeekerProfile, asOfDay: number | undefined): number {
  return waitingFactorOf(asOfDay, s.waitingSinceDay);
}

export function waitingFactorOf(asOfDay: number | undefined, waitingSinceDay: number | undefined): number {
  if (asOfDay === undefined) return NEUTRAL_WAITING;
  if (waitingSinceDay === undefined) return 0;
  return clampUnit((asOfDay - waitingSinceDay) / FULL_WAITING_DAYS);
}

export function pairFactors(
  v: VacancyProfile,
  s: SeekerProfile,
  commuteMinutes: number,
  context: ScoringContext,
): { readonly [part in ScorePart]: number } {
  return {
    skills: skillsFactor(v, s),
    preferredSkills: preferredSkillsFactor(v, s),
    commute: commuteFactor(s, commuteMinutes),
    dateFit: dateFitFactor(v, s),
    wage: wageFactor(v, s),
    waiting: waitingFactor(s, context.asOfDay),
  };
}

/** Removes floating-point noise so that e.g. 2499.9999999997 hundredths count as 2500. */
const cleanHundredths = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Rounds the exact parts to hundredths so that they add up to the rounded total: each part
 * is rounded down, then the hundredths still missing go to the parts with the largest
 * remainders (ties to the earlier part).
 */
export function apportionHundredths(exactHundredths: readonly number[]): PairScore {
  const cleaned = exactHundredths.map(cleanHundredths);
  const score = Math.round(cleaned.reduce((sum, value) => sum + value, 0));
  const parts = cleaned.map(Math.floor);
  let missing = score - parts.reduce((sum, value) => sum + value, 0);
  const byRemainder = cleaned
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    parts[index]++;
    missing--;
  }
  return { score, parts };
}

function exactPartHundredths(v: VacancyProfile, s: SeekerProfile, commuteMinutes: number, context: ScoringContext): number[] {
  const factors = pairFactors(v, s, commuteMinutes, context);
  const weightSum = SCORE_PARTS.reduce((sum, part) => sum + context.weights[part], 0);
  return SCORE_PARTS.map((part) => (10_000 * context.weights[part] * factors[part]) / weightSum);
}

export function scorePair(v: VacancyProfile, s: SeekerProfile, commuteMinutes: number, context: ScoringContext): PairScore {
  return apportionHundredths(exactPartHundredths(v, s, commuteMinutes, context));
}

/**
 * The score alone (integer hundredths), exactly `scorePair(...).score` by the same arithmetic
 * in the same order, without apportioning the parts: candidate building scores every
 * feasible pair, and only the chosen ones need their breakdown.
 */
export function scoreHundredths(v: VacancyProfile, s: SeekerProfile, commuteMinutes: number, context: ScoringContext): number {
  return hundredthsOfFactors(
    context.weights,
    skillsFactor(v, s),
    preferredSkillsFactor(v, s),
    commuteFactor(s, commuteMinutes),
    dateFitFactor(v, s),
    wageFactor(v, s),
    waitingFactor(s, context.asOfDay),
  );
}

/** The score (integer hundredths) of a pair's factors, in SCORE_PARTS order: what scoreHundredths sums. */
export function hundredthsOfFactors(
  w: ResolvedWeights,
  skills: number,
  preferredSkills: number,
  commute: number,
  dateFit: number,
  wage: number,
  waiting: number,
): number {
  const weightSum = 0 + w.skills + w.preferredSkills + w.commute + w.dateFit + w.wage + w.waiting;
  const sum =
    0 +
    cleanHundredths((10_000 * w.skills * skills) / weightSum) +
    cleanHundredths((10_000 * w.preferredSkills * preferredSkills) / weightSum) +
    cleanHundredths((10_000 * w.commute * commute) / weightSum) +
    cleanHundredths((10_000 * w.dateFit * dateFit) / weightSum) +
    cleanHundredths((10_000 * w.wage * wage) / weightSum) +
    cleanHundredths((10_000 * w.waiting * waiting) / weightSum);
  return Math.round(sum);
}

export function toBreakdown(parts: readonly number[]): ScoreBreakdown {
  return Object.fromEntries(SCORE_PARTS.map((part, index) => [part, parts[index] / 100])) as ScoreBreakdown;
}
