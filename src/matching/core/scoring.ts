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

function skillsFactor(v: VacancyProfile, s: SeekerProfile): number {
  const required = v.vacancy.requiredSkills;
  if (required.length === 0) return 1;
  let total = 0;
  for (const skill of required) {
    const level = s.skillLevels.get(skill.code) ?? 0;
    total += skill.level >= TOP_LEVEL ? 1 : clampUnit((level - skill.level) / (TOP_LEVEL - skill.level));
  }
  return total / required.length;
}

function preferredSkillsFactor(v: VacancyProfile, s: SeekerProfile): number {
  const preferred = v.vacancy.preferredSkills;
  if (preferred.length === 0) return 1;
  let total = 0;
  for (const skill of preferred) total += clampUnit((s.skillLevels.get(skill.code) ?? 0) / skill.level);
  return total / preferred.length;
}

function commuteFactor(s: SeekerProfile, minutes: number): number {
  const limit = s.seeker.maxCommuteMinutes;
  return limit <= 0 ? 1 : clampUnit(1 - minutes / limit);
}

function dateFitFactor(v: VacancyProfile, s: SeekerProfile): number {
  const window = runContaining(s.free, v.start, v.end);
  if (!window) return 0;
  return (v.end - v.start + 1) / (window.end - window.start + 1);
}

function wageFactor(v: VacancyProfile, s: SeekerProfile): number {
  const minimum = s.seeker.minHourlyWage ?? 0;
  if (minimum === 0) return 1;
  return clampUnit((v.vacancy.hourlyWage - minimum) / (FULL_WAGE_PREMIUM * minimum));
}

function waitingFactor(s: SeekerProfile, asOfDay: number | undefined): number {
  if (asOfDay === undefined) return NEUTRAL_WAITING;
  if (s.waitingSinceDay === undefined) return 0;
  return clampUnit((asOfDay - s.waitingSinceDay) / FULL_WAITING_DAYS);
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
  const w = context.weights;
  const weightSum = 0 + w.skills + w.preferredSkills + w.commute + w.dateFit + w.wage + w.waiting;
  const part = (weight: number, factor: number) => cleanHundredths((10_000 * weight * factor) / weightSum);
  const sum =
    0 +
    part(w.skills, skillsFactor(v, s)) +
    part(w.preferredSkills, preferredSkillsFactor(v, s)) +
    part(w.commute, commuteFactor(s, commuteMinutes)) +
    part(w.dateFit, dateFitFactor(v, s)) +
    part(w.wage, wageFactor(v, s)) +
    part(w.waiting, waitingFactor(s, context.asOfDay));
  return Math.round(sum);
}

export function toBreakdown(parts: readonly number[]): ScoreBreakdown {
  return Object.fromEntries(SCORE_PARTS.map((part, index) => [part, parts[index] / 100])) as ScoreBreakdown;
}
