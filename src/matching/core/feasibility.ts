import { formatDay } from './calendar-days';
import { estimatedCommuteMinutes } from './commute';
import { clipRuns, DayRun, runContaining, subtractRuns } from './day-runs';
import { SeekerProfile, VacancyProfile } from './prepared-instance';
import { FeasibilityRule } from './types';

export interface RuleFailure {
  readonly rule: FeasibilityRule;
  /** Says by how much, e.g. "72 min > 60 min". */
  readonly detail: string;
  /** How far from passing, relative (0 = just failing); ranks near misses, closest first. */
  readonly shortfall: number;
}

/** Beyond any relative shortfall: a block is not a matter of degree. */
export const UNFIXABLE = 1e9;
const MAX_LISTED_RANGES = 3;

export function commuteMinutesFor(vacancy: VacancyProfile, seeker: SeekerProfile): number {
  return (
    vacancy.commuteOverrides.get(seeker.index) ??
    estimatedCommuteMinutes(seeker.seeker.location, vacancy.vacancy.location, seeker.seeker.commuteMode)
  );
}

const passesBlocked = (v: VacancyProfile, s: SeekerProfile) =>
  !v.blockedSeekers.has(s.index) && !s.blockedFirms.has(v.vacancy.firmId);
const passesHours = (v: VacancyProfile, s: SeekerProfile) =>
  s.seeker.weeklyHours.min <= v.vacancy.weeklyHours && v.vacancy.weeklyHours <= s.seeker.weeklyHours.max;
const passesWage = (v: VacancyProfile, s: SeekerProfile) =>
  s.seeker.minHourlyWage === undefined || v.vacancy.hourlyWage >= s.seeker.minHourlyWage;
const passesCertifications = (v: VacancyProfile, s: SeekerProfile) =>
  v.vacancy.requiredCertifications.every((code) => s.certifications.has(code));
const passesSkills = (v: VacancyProfile, s: SeekerProfile) =>
  v.vacancy.requiredSkills.every((skill) => (s.skillLevels.get(skill.code) ?? 0) >= skill.level);
const passesCommute = (v: VacancyProfile, s: SeekerProfile, minutes: number) =>
  minutes <= s.seeker.maxCommuteMinutes && minutes <= v.commuteLimit;
const passesDates = (v: VacancyProfile, s: SeekerProfile) => runContaining(s.free, v.start, v.end) !== undefined;

/**
 * The commute minutes of a feasible pair, or undefined when any rule fails. Cheap rules run
 * first; this is the hot path of candidate building.
 */
export function feasibleCommuteMinutes(v: VacancyProfile, s: SeekerProfile): number | undefined {
  if (!passesBlocked(v, s) || !passesHours(v, s) || !passesWage(v, s)) return undefined;
  if (!passesCertifications(v, s) || !passesSkills(v, s) || !passesDates(v, s)) return undefined;
  const minutes = commuteMinutesFor(v, s);
  return passesCommute(v, s, minutes) ? minutes : undefined;
}

/** Every rule the pair fails, in contract order (cheap: no details). */
export function failedRules(v: VacancyProfile, s: SeekerProfile): FeasibilityRule[] {
  const failed: FeasibilityRule[] = [];
  if (!passesSkills(v, s)) failed.push('skills');
  if (!passesCertifications(v, s)) failed.push('certifications');
  if (!passesDates(v, s)) failed.push('dates');
  if (!passesHours(v, s)) failed.push('hours');
  if (!passesWage(v, s)) failed.push('wage');
  if (!passesCommute(v, s, commuteMinutesFor(v, s))) failed.push('commute');
  if (!passesBlocked(v, s)) failed.push('blocked');
  return failed;
}

/** Why the pair fails `rule`, and by how much; only meaningful when it does fail. */
export function explainFailure(rule: FeasibilityRule, v: VacancyProfile, s: SeekerProfile): RuleFailure {
  return { rule, detail: DESCRIBE[rule](v, s), shortfall: failureShortfall(rule, v, s) };
}

/** Every rule the pair fails, in contract order, each with a detail saying by how much. */
export function pairFailures(v: VacancyProfile, s: SeekerProfile): RuleFailure[] {
  return failedRules(v, s).map((rule) => explainFailure(rule, v, s));
}

/**
 * How far a failing pair is from passing `rule`, relative (0 = just failing), to rank near
 * misses closest first without building their details.
 */
export function failureShortfall(rule: FeasibilityRule, v: VacancyProfile, s: SeekerProfile): number {
  const vacancy = v.vacancy;
  const seeker = s.seeker;
  switch (rule) {
    case 'skills':
      return vacancy.requiredSkills.reduce((sum, skill) => sum + Math.max(0, skill.level - (s.skillLevels.get(skill.code) ?? 0)) / 5, 0);
    case 'certifications':
      return vacancy.requiredCertifications.filter((code) => !s.certifications.has(code)).length;
    case 'dates':
      return countDays(subtractRuns([{ start: v.start, end: v.end }], s.free)) / (v.end - v.start + 1);
    case 'hours':
      return Math.max(seeker.weeklyHours.min - vacancy.weeklyHours, vacancy.weeklyHours - seeker.weeklyHours.max) / vacancy.weeklyHours;
    case 'wage':
      return (seeker.minHourlyWage! - vacancy.hourlyWage) / seeker.minHourlyWage!;
    case 'commute': {
      const limit = Math.min(v.commuteLimit, seeker.maxCommuteMinutes);
      return (commuteMinutesFor(v, s) - limit) / Math.max(limit, 1);
    }
    case 'blocked':
      return UNFIXABLE;
  }
}

const DESCRIBE: { readonly [rule in FeasibilityRule]: (v: VacancyProfile, s: SeekerProfile) => string } = {
  skills: (v, s) => {
    const gaps: string[] = [];
    for (const skill of v.vacancy.requiredSkills) {
      const level = s.skillLevels.get(skill.code);
      if (level === undefined) gaps.push(`${skill.code} missing (level ${skill.level} required)`);
      else if (level < skill.level) gaps.push(`${skill.code} level ${level} < ${skill.level} required`);
    }
    return gaps.join('; ');
  },
  certifications: (v, s) => `${v.vacancy.requiredCertifications.filter((code) => !s.certifications.has(code)).join(', ')} missing`,
  dates: (v, s) => {
    const unavailable = subtractRuns([{ start: v.start, end: v.end }], s.availability);
    const busy = clipRuns(s.busy, v.start, v.end);
    return [...describeRanges('unavailable', unavailable), ...describeRanges('busy', busy)].join('; ');
  },
  hours: (v, s) => {
    const hours = v.vacancy.weeklyHours;
    const { min, max } = s.seeker.weeklyHours;
    return hours < min ? `${hours} h/week < ${min} h/week minimum` : `${hours} h/week > ${max} h/week maximum`;
  },
  wage: (v, s) => `${v.vacancy.hourlyWage} KRW/h < ${s.seeker.minHourlyWage} KRW/h minimum`,
  commute: (v, s) => {
    const vacancyIsStricter = v.commuteLimit < s.seeker.maxCommuteMinutes;
    const limit = Math.min(v.commuteLimit, s.seeker.maxCommuteMinutes);
    const minutes = formatExcessMinutes(commuteMinutesFor(v, s), limit);
    return `${minutes} min > ${limit} min${vacancyIsStricter ? ' (vacancy limit)' : ''}`;
  },
  blocked: (v, s) => {
    const reasons: string[] = [];
    if (v.blockedSeekers.has(s.index)) reasons.push('pair blocked');
    if (s.blockedFirms.has(v.vacancy.firmId)) reasons.push(`firm ${v.vacancy.firmId} blocked by seeker`);
    return reasons.join('; ');
  },
};

function describeRanges(label: string, runs: readonly DayRun[]): string[] {
  const listed = runs
    .slice(0, MAX_LISTED_RANGES)
    .map((run) => `${label} ${run.start === run.end ? formatDay(run.start) : `${formatDay(run.start)}..${formatDay(run.end)}`}`);
  if (runs.length > MAX_LISTED_RANGES) listed.push(`${runs.length - MAX_LISTED_RANGES} more ${label} ranges`);
  return listed;
}

function countDays(runs: readonly DayRun[]): number {
  return runs.reduce((total, run) => total + run.end - run.start + 1, 0);
}

/** Minutes to one decimal, with more when rounding would hide that the limit is exceeded. */
function formatExcessMinutes(minutes: number, limit: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return String(rounded > limit ? rounded : Number(minutes.toPrecision(12)));
}
