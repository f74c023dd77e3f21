import { estimatedCommuteMinutes } from '../../../../src/matching/core/commute';
import { FeasibilityRule, Instance, Seeker, Vacancy } from '../../../../src/matching/core/types';

/**
 * The contract's rules written as plainly as possible (day by day, list searches), as an
 * independent oracle for the engine's indexed, precomputed version.
 */

function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` strings compare like the dates they name. */
const within = (date: string, range: { start: string; end: string }) => range.start <= date && date <= range.end;

function everyDayFree(vacancy: Vacancy, seeker: Seeker): boolean {
  for (let date = vacancy.start; date <= vacancy.end; date = nextDate(date)) {
    if (!seeker.availability.some((range) => within(date, range))) return false;
    if (seeker.busy.some((range) => within(date, range))) return false;
  }
  return true;
}

export function naiveCommuteMinutes(instance: Instance, vacancy: Vacancy, seeker: Seeker): number {
  const override = instance.commuteMinutes?.find((entry) => entry.vacancyId === vacancy.id && entry.seekerId === seeker.id);
  return override?.minutes ?? estimatedCommuteMinutes(seeker.location, vacancy.location, seeker.commuteMode);
}

export function naiveFailedRules(instance: Instance, vacancy: Vacancy, seeker: Seeker): FeasibilityRule[] {
  const failed: FeasibilityRule[] = [];
  const levelOf = (code: string) => seeker.skills.find((skill) => skill.code === code)?.level ?? 0;
  if (!vacancy.requiredSkills.every((skill) => levelOf(skill.code) >= skill.level)) failed.push('skills');
  if (!vacancy.requiredCertifications.every((code) => seeker.certifications.includes(code))) failed.push('certifications');
  if (!everyDayFree(vacancy, seeker)) failed.push('dates');
  if (vacancy.weeklyHours < seeker.weeklyHours.min || vacancy.weeklyHours > seeker.weeklyHours.max) failed.push('hours');
  if (seeker.minHourlyWage !== undefined && vacancy.hourlyWage < seeker.minHourlyWage) failed.push('wage');
  const minutes = naiveCommuteMinutes(instance, vacancy, seeker);
  if (minutes > seeker.maxCommuteMinutes || minutes > (vacancy.maxCommuteMinutes ?? Infinity)) failed.push('commute');
  const pairBlocked = instance.blockedPairs?.some((pair) => pair.vacancyId === vacancy.id && pair.seekerId === seeker.id);
  if (pairBlocked || (seeker.blockedFirmIds ?? []).includes(vacancy.firmId)) failed.push('blocked');
  return failed;
}
