import { toDay } from './calendar-days';
import { positionsByValue } from './value-order';
import { Instance, Seeker, Vacancy } from './types';

/**
 * The engine's order of vacancies and seekers: by what they are, not by what they are called.
 * The optimizer's search, its ties and every "ties by index" rule follow this order, so the
 * same data under other ids (the service's uuids, renamed, reissued) gives the same result and
 * the same work. Ids only order entities that are identical in every field the engine reads
 * (then swapping their ids swaps them in the result, the same proposal up to names).
 *
 * Numbers that almost always differ come first (dates, coordinates, hours, wages), so most
 * comparisons end there; the rest of an entity is compared as a canonical text built only
 * when the numbers tie. Relations to other entities (blocked pairs, routing-engine minutes,
 * blocked firms) enter as counts and values, never as ids.
 */
export function canonicalOrder(instance: Instance): { vacancies: Vacancy[]; seekers: Seeker[] } {
  const vacancyNumbers = new Float64Array(instance.vacancies.length * VACANCY_NUMBERS);
  instance.vacancies.forEach((vacancy, index) => writeVacancyNumbers(vacancy, toDay(vacancy.start), toDay(vacancy.end), vacancyNumbers, index));
  const seekerNumbers = new Float64Array(instance.seekers.length * SEEKER_NUMBERS);
  instance.seekers.forEach((seeker, index) => writeSeekerNumbers(seeker, waitingDayOf(seeker), firstAvailableDayOf(seeker), seekerNumbers, index));
  const order = canonicalPositions(instance, vacancyNumbers, seekerNumbers);
  return {
    vacancies: Array.from(order.vacancies, (position) => instance.vacancies[position]),
    seekers: Array.from(order.seekers, (position) => instance.seekers[position]),
  };
}

/** How many numbers order a vacancy, and a seeker (writeVacancyNumbers, writeSeekerNumbers). */
export const VACANCY_NUMBERS = 7;
export const SEEKER_NUMBERS = 8;

/**
 * Writes vacancy `index`'s ordering numbers at out[index × VACANCY_NUMBERS ..]; the caller
 * parses the dates (it needs the day numbers too, and a date is parsed once).
 */
export function writeVacancyNumbers(vacancy: Vacancy, startDay: number, endDay: number, out: Float64Array, index: number): void {
  const at = index * VACANCY_NUMBERS;
  out[at] = startDay;
  out[at + 1] = endDay;
  out[at + 2] = vacancy.location.lat;
  out[at + 3] = vacancy.location.lng;
  out[at + 4] = vacancy.weeklyHours;
  out[at + 5] = vacancy.hourlyWage;
  out[at + 6] = vacancy.maxCommuteMinutes ?? -1;
}

/** The day of seeker.waitingSince, or -1 when it has none, as the ordering numbers hold it. */
export const waitingDayOf = (seeker: Seeker): number => (seeker.waitingSince === undefined ? -1 : toDay(seeker.waitingSince));
/** The day the seeker's first listed availability range starts, or -1 when it lists none. */
export const firstAvailableDayOf = (seeker: Seeker): number => (seeker.availability.length === 0 ? -1 : toDay(seeker.availability[0].start));

/** Seeker `index`'s ordering numbers at out[index × SEEKER_NUMBERS ..], with its two days parsed by the caller. */
export function writeSeekerNumbers(seeker: Seeker, waitingDay: number, firstAvailableDay: number, out: Float64Array, index: number): void {
  const at = index * SEEKER_NUMBERS;
  out[at] = seeker.location.lat;
  out[at + 1] = seeker.location.lng;
  out[at + 2] = seeker.maxCommuteMinutes;
  out[at + 3] = seeker.weeklyHours.min;
  out[at + 4] = seeker.weeklyHours.max;
  out[at + 5] = seeker.minHourlyWage ?? -1;
  out[at + 6] = waitingDay;
  out[at + 7] = firstAvailableDay;
}

/**
 * The canonical order as input positions (vacancies[k] is the input position of the vacancy
 * at canonical index k), from the ordering numbers of every vacancy and seeker by input position.
 */
export function canonicalPositions(
  instance: Instance,
  vacancyNumbers: Float64Array,
  seekerNumbers: Float64Array,
): { vacancies: Int32Array; seekers: Int32Array } {
  // Relations are described by the numbers of the other side, and only read when numbers tie.
  let relations: RelationSummaries | undefined;
  const relationsOf = () => (relations ??= relationSummaries(instance, vacancyNumbers, seekerNumbers));
  return {
    vacancies: sortByContent(instance.vacancies, vacancyNumbers, VACANCY_NUMBERS, (vacancy, index) => vacancyText(vacancy, relationsOf().ofVacancy[index])),
    seekers: sortByContent(instance.seekers, seekerNumbers, SEEKER_NUMBERS, (seeker, index) => seekerText(seeker, relationsOf().ofSeeker[index])),
  };
}

/** Plain code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const sortedCodes = (codes: readonly string[]) => [...codes].sort(compareText).join(',');
const sortedSkills = (skills: readonly { code: string; level: number }[]) =>
  skills
    .map((skill) => `${skill.code}:${skill.level}`)
    .sort(compareText)
    .join(',');
const sortedRanges = (ranges: readonly { start: string; end: string }[]) =>
  ranges
    .map((range) => `${range.start}..${range.end}`)
    .sort(compareText)
    .join(',');

function vacancyText(vacancy: Vacancy, relation: string[] | undefined): string {
  return [
    sortedSkills(vacancy.requiredSkills),
    sortedSkills(vacancy.preferredSkills),
    sortedCodes(vacancy.requiredCertifications),
    joinedNotes(relation),
  ].join('|');
}

function seekerText(seeker: Seeker, relation: string[] | undefined): string {
  return [
    seeker.commuteMode,
    sortedSkills(seeker.skills),
    sortedCodes(seeker.certifications),
    sortedRanges(seeker.availability),
    sortedRanges(seeker.busy),
    joinedNotes(relation),
  ].join('|');
}

const joinedNotes = (notes: string[] | undefined) => (notes === undefined ? '' : [...notes].sort(compareText).join(';'));

interface RelationSummaries {
  /** By input position: the notes of the relations the vacancy (seeker) takes part in. */
  readonly ofVacancy: readonly (string[] | undefined)[];
  readonly ofSeeker: readonly (string[] | undefined)[];
}

/**
 * Per input position, the blocked pairs, routing-engine minutes and firm blocks it takes part
 * in, each described by the other side's numbers (never its id).
 */
function relationSummaries(instance: Instance, vacancyNumbers: Float64Array, seekerNumbers: Float64Array): RelationSummaries {
  const ofVacancy: (string[] | undefined)[] = new Array(instance.vacancies.length);
  const ofSeeker: (string[] | undefined)[] = new Array(instance.seekers.length);
  const hasRelations =
    (instance.blockedPairs?.length ?? 0) > 0 ||
    (instance.commuteMinutes?.length ?? 0) > 0 ||
    instance.seekers.some((seeker) => (seeker.blockedFirmIds?.length ?? 0) > 0);
  if (!hasRelations) return { ofVacancy, ofSeeker };
  const vacancyAt = new Map(instance.vacancies.map((vacancy, index) => [vacancy.id, index]));
  const seekerAt = new Map(instance.seekers.map((seeker, index) => [seeker.id, index]));
  const vacanciesByFirm = new Map<string, number[]>();
  instance.vacancies.forEach((vacancy, index) => {
    const list = vacanciesByFirm.get(vacancy.firmId);
    if (list) list.push(index);
    else vacanciesByFirm.set(vacancy.firmId, [index]);
  });
  const note = (notes: (string[] | undefined)[], index: number, text: string) => (notes[index] ??= []).push(text);
  // Remembered per position (and per firm below): a seeker with many blocks is described once.
  const vacancyDescriptions: (string | undefined)[] = new Array(instance.vacancies.length);
  const seekerDescriptions: (string | undefined)[] = new Array(instance.seekers.length);
  const describeVacancy = (index: number) =>
    (vacancyDescriptions[index] ??= vacancyNumbers.subarray(index * VACANCY_NUMBERS, (index + 1) * VACANCY_NUMBERS).join(':'));
  const describeSeeker = (index: number) =>
    (seekerDescriptions[index] ??= seekerNumbers.subarray(index * SEEKER_NUMBERS, (index + 1) * SEEKER_NUMBERS).join(':'));
  const firmDescriptions = new Map<string, string>();
  const describeFirm = (firmId: string) => {
    let description = firmDescriptions.get(firmId);
    if (description === undefined) {
      description = (vacanciesByFirm.get(firmId) ?? []).map(describeVacancy).sort(compareText).join('+');
      firmDescriptions.set(firmId, description);
    }
    return description;
  };
  for (const pair of instance.blockedPairs ?? []) {
    const vacancy = vacancyAt.get(pair.vacancyId)!;
    const seeker = seekerAt.get(pair.seekerId)!;
    note(ofVacancy, vacancy, `b${describeSeeker(seeker)}`);
    note(ofSeeker, seeker, `b${describeVacancy(vacancy)}`);
  }
  for (const entry of instance.commuteMinutes ?? []) {
    const vacancy = vacancyAt.get(entry.vacancyId)!;
    const seeker = seekerAt.get(entry.seekerId)!;
    note(ofVacancy, vacancy, `m${entry.minutes}@${describeSeeker(seeker)}`);
    note(ofSeeker, seeker, `m${entry.minutes}@${describeVacancy(vacancy)}`);
  }
  instance.seekers.forEach((seeker, index) => {
    for (const firmId of seeker.blockedFirmIds ?? []) {
      note(ofSeeker, index, `f${describeFirm(firmId)}`);
      for (const vacancy of vacanciesByFirm.get(firmId) ?? []) note(ofVacancy, vacancy, `f${describeSeeker(index)}`);
    }
  });
  return { ofVacancy, ofSeeker };
}

/**
 * Input positions sorted by their numbers (width per item), then by their text, then by id.
 * The first number almost always decides: positions are ordered by it with a radix sort,
 * and only runs of equal first numbers are sorted with the comparator (a comparator sort of
 * thousands of items cost more than the rest of the ordering). The comparator is a total
 * order (ids are unique), so the result is the order it defines.
 */
function sortByContent<T extends { readonly id: string }>(
  items: readonly T[],
  numbers: Float64Array,
  width: number,
  textOf: (item: T, index: number) => string,
): Int32Array {
  const count = items.length;
  const first = new Float64Array(count);
  for (let index = 0; index < count; index++) first[index] = numbers[index * width];
  // Numbers are finite (validated); -0 and 0 are equal here, as in the comparator below.
  const order = positionsByValue(first);
  const texts: (string | undefined)[] = new Array(count);
  const text = (index: number) => (texts[index] ??= textOf(items[index], index));
  const compare = (a: number, b: number) => {
    for (let k = 1; k < width; k++) {
      const difference = numbers[a * width + k] - numbers[b * width + k];
      if (difference !== 0) return difference;
    }
    return compareText(text(a), text(b)) || compareText(items[a].id, items[b].id);
  };
  for (let from = 0; from < count; ) {
    let to = from + 1;
    while (to < count && first[order[to]] === first[order[from]]) to++;
    if (to - from > 1) order.subarray(from, to).sort(compare);
    from = to;
  }
  return order;
}
