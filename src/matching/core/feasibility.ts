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
const UNFIXABLE = 1e9;
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
  switch (rule) {
    case 'skills':
      return skillsFailure(v, s);
    case 'certifications':
      return certificationsFailure(v, s);
    case 'dates':
      return datesFailure(v, s);
    case 'hours':
      return hoursFailure(v, s);
    case 'wage':
      return wageFailure(v, s);
    case 'commute':
      return commuteFailure(v, s, commuteMinutesFor(v, s));
    case 'blocked':
      return blockedFailure(v, s);
  }
}

/** Every rule the pair fails, in contract order, each with a detail saying by how much. */
export function pairFailures(v: VacancyProfile, s: SeekerProfile): RuleFailure[] {
  return failedRules(v, s).map((rule) => explainFailure(rule, v, s));
}

function skillsFailure(v: VacancyProfile, s: SeekerProfile): RuleFailure {
  const gaps: string[] = [];
  let shortfall = 0;
  for (const skill of v.vacancy.requiredSkills) {
    const level = s.skillLevels.get(skill.code);
    if (level === undefined) gaps.push(`${skill.code} missing (level ${skill.level} required)`);
    else if (level < skill.level) gaps.push(`${skill.code} level ${level} < ${skill.level} required`);
    shortfall += Math.max(0, skill.level - (level ?? 0)) / 5;
  }
  return { rule: 'skills', detail: gaps.join('; '), shortfall };
}

function certificationsFailure(v: VacancyProfile, s: SeekerProfile): RuleFailure {
  const missing = v.vacancy.requiredCertifications.filter((code) => !s.certifications.has(code));
  return { rule: 'certifications', detail: `${missing.join(', ')} missing`, shortfall: missing.length };
}

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

function datesFailure(v: VacancyProfile, s: SeekerProfile): RuleFailure {
  const period = [{ start: v.start, end: v.end }];
  const unavailable = subtractRuns(period, s.availability);
  const busy = clipRuns(s.busy, v.start, v.end);
  const blockedDays = countDays(subtractRuns(period, s.free));
  return {
    rule: 'dates',
    detail: [...describeRanges('unavailable', unavailable), ...describeRanges('busy', busy)].join('; '),
    shortfall: blockedDays / (v.end - v.start + 1),
  };
}

function hoursFailure(v: VacancyProfile, s: SeekerProfile): RuleFailure {
  const hours = v.vacancy.weeklyHours;
  const { min, max } = s.seeker.weeklyHours;
  return hours < min
    ? { rule: 'hours', detail: `${hours} h/week < ${min} h/week minimum`, shortfall: (min - hours) / hours }
    : { rule: 'hours', detail: `${hours} h/week > ${max} h/week maximum`, shortfall: (hours - max) / hours };
}

function wageFailure(v: VacancyProfile, s: SeekerProfile): RuleFailure {
  const minimum = s.seeker.minHourlyWage!;
  return {
    rule: 'wage',
    detail: `${v.vacancy.hourlyWage} KRW/h < ${minimum} KRW/h minimum`,
    shortfall: (minimum - v.vacancy.hourlyWage) / minimum,
  };
}

/** Minutes to one decimal, with more when rounding would hide that the limit is exceeded. */
function formatExcessMinutes(minutes: number, limit: number): string {
  const rounded = Math.round(minutes * 10) / 10;
  return String(rounded > limit ? rounded : Number(minutes.toPrecision(12)));
}

function commuteFailure(v: VacancyProfile, s: SeekerProfile, minutes: number): RuleFailure {
  const vacancyIsStricter = v.commuteLimit < s.seeker.maxCommuteMinutes;
  const limit = Math.min(v.commuteLimit, s.seeker.maxCommuteMinutes);
  return {
    rule: 'commute',
    detail: `${formatExcessMinutes(minutes, limit)} min > ${limit} min${vacancyIsStricter ? ' (vacancy limit)' : ''}`,
    shortfall: (minutes - limit) / Math.max(limit, 1),
  };
}

function blockedFailure(v: VacancyProfile, s: SeekerProfile): RuleFailure {
  const reasons: string[] = [];
  if (v.blockedSeekers.has(s.index)) reasons.push('pair blocked');
  if (s.blockedFirms.has(v.vacancy.firmId)) reasons.push(`firm ${v.vacancy.firmId} blocked by seeker`);
  return { rule: 'blocked', detail: reasons.join('; '), shortfall: UNFIXABLE };
}
