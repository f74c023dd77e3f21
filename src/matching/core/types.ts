/**
 * The matching engine's input and output, field for field as in
 * docs/matching-contract.md. Dates are calendar dates `YYYY-MM-DD`.
 */

export type CommuteMode = 'transit' | 'car' | 'bicycle' | 'walk';
export const COMMUTE_MODES: readonly CommuteMode[] = ['transit', 'car', 'bicycle', 'walk'];

export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

export interface SkillLevel {
  readonly code: string;
  readonly level: number;
}

export interface DateRange {
  readonly start: string;
  readonly end: string;
}

export interface Vacancy {
  readonly id: string;
  readonly firmId: string;
  readonly location: GeoPoint;
  readonly start: string;
  readonly end: string;
  readonly weeklyHours: number;
  readonly hourlyWage: number;
  readonly requiredSkills: readonly SkillLevel[];
  readonly preferredSkills: readonly SkillLevel[];
  readonly requiredCertifications: readonly string[];
  readonly maxCommuteMinutes?: number;
}

export interface Seeker {
  readonly id: string;
  readonly location: GeoPoint;
  readonly commuteMode: CommuteMode;
  readonly maxCommuteMinutes: number;
  readonly skills: readonly SkillLevel[];
  readonly certifications: readonly string[];
  readonly availability: readonly DateRange[];
  readonly busy: readonly DateRange[];
  readonly weeklyHours: { readonly min: number; readonly max: number };
  readonly minHourlyWage?: number;
  readonly blockedFirmIds?: readonly string[];
  readonly waitingSince?: string;
}

export interface PairReference {
  readonly vacancyId: string;
  readonly seekerId: string;
}

export interface CommuteOverride extends PairReference {
  readonly minutes: number;
}

/** The parts of a score breakdown, in the order they are reported. */
export const SCORE_PARTS = ['skills', 'preferredSkills', 'commute', 'dateFit', 'wage', 'waiting'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type ScoreWeights = { readonly [part in ScorePart]?: number };
export type ScoreBreakdown = { [part in ScorePart]: number };

export interface Instance {
  readonly vacancies: readonly Vacancy[];
  readonly seekers: readonly Seeker[];
  readonly blockedPairs?: readonly PairReference[];
  readonly commuteMinutes?: readonly CommuteOverride[];
  readonly asOf?: string;
  readonly weights?: ScoreWeights;
}

/** The hard constraints, in the order they are reported. */
export const FEASIBILITY_RULES = ['skills', 'certifications', 'dates', 'hours', 'wage', 'commute', 'blocked'] as const;
export type FeasibilityRule = (typeof FEASIBILITY_RULES)[number];

export interface Assignment {
  readonly vacancyId: string;
  readonly seekerId: string;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
  readonly commuteMinutes: number;
}

export interface Alternative {
  readonly seekerId: string;
  readonly score: number;
}

export interface NearMiss {
  readonly seekerId: string;
  readonly failed: FeasibilityRule;
  readonly detail: string;
}

export interface UnfilledVacancy {
  readonly vacancyId: string;
  readonly feasibleCandidates: number;
  readonly excludedBy: { [rule in FeasibilityRule]: number };
  readonly nearMisses: NearMiss[];
}

export interface CandidatePair {
  readonly vacancyId: string;
  readonly seekerId: string;
  readonly score: number;
  readonly commuteMinutes: number;
}

export interface MatchStats {
  readonly vacancies: number;
  readonly seekers: number;
  readonly candidatePairs: number;
  readonly components: number;
  readonly largestComponent: number;
  readonly filled: number;
  readonly totalScore: number;
  readonly optimal: boolean;
  readonly gap: number | null;
  readonly solveMs: number;
}

export interface MatchResult {
  readonly assignments: Assignment[];
  readonly alternatives: { [vacancyId: string]: Alternative[] };
  readonly unfilled: UnfilledVacancy[];
  readonly candidates?: CandidatePair[];
  readonly stats: MatchStats;
}
