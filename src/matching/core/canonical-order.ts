import { toDay } from './calendar-days';
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
  const relations = relationSummaries(instance);
  return {
    vacancies: sortByContent(instance.vacancies, vacancyNumbers, (vacancy) => vacancyText(vacancy, relations.ofVacancy.get(vacancy.id))),
    seekers: sortByContent(instance.seekers, seekerNumbers, (seeker) => seekerText(seeker, relations.ofSeeker.get(seeker.id))),
  };
}

/** Plain code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


function vacancyNumbers(vacancy: Vacancy): number[] {
  return [
    toDay(vacancy.start),
    toDay(vacancy.end),
    vacancy.location.lat,
    vacancy.location.lng,
    vacancy.weeklyHours,
    vacancy.hourlyWage,
    vacancy.maxCommuteMinutes ?? -1,
  ];
}

function seekerNumbers(seeker: Seeker): number[] {
  return [
    seeker.location.lat,
    seeker.location.lng,
    seeker.maxCommuteMinutes,
    seeker.weeklyHours.min,
    seeker.weeklyHours.max,
    seeker.minHourlyWage ?? -1,
    seeker.waitingSince === undefined ? -1 : toDay(seeker.waitingSince),
    seeker.availability.length === 0 ? -1 : toDay(seeker.availability[0].start),
  ];
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

function vacancyText(vacancy: Vacancy, relation: string | undefined): string {
  return [
    sortedSkills(vacancy.requiredSkills),
    sortedSkills(vacancy.preferredSkills),
    sortedCodes(vacancy.requiredCertifications),
    relation ?? '',
  ].join('|');
}

function seekerText(seeker: Seeker, relation: string | undefined): string {
  return [
    seeker.commuteMode,
    sortedSkills(seeker.skills),
    sortedCodes(seeker.certifications),
    sortedRanges(seeker.availability),
    sortedRanges(seeker.busy),
    relation ?? '',
  ].join('|');
}

interface RelationSummaries {
  readonly ofVacancy: ReadonlyMap<string, string>;
  readonly ofSeeker: ReadonlyMap<string, string>;
}

/**
 * Per id, the blocked pairs, routing-engine minutes and firm blocks it takes part in, each
 * described by the other side's numbers (never its id), as sorted text.
 */
function relationSummaries(instance: Instance): RelationSummaries {
  const hasRelations =
    (instance.blockedPairs?.length ?? 0) > 0 ||
    (instance.commuteMinutes?.length ?? 0) > 0 ||
    instance.seekers.some((seeker) => (seeker.blockedFirmIds?.length ?? 0) > 0);
  if (!hasRelations) return { ofVacancy: new Map(), ofSeeker: new Map() };
  const vacancyById = new Map(instance.vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const seekerById = new Map(instance.seekers.map((seeker) => [seeker.id, seeker]));
  const vacanciesByFirm = new Map<string, Vacancy[]>();
  for (const vacancy of instance.vacancies) {
    const list = vacanciesByFirm.get(vacancy.firmId);
    if (list) list.push(vacancy);
    else vacanciesByFirm.set(vacancy.firmId, [vacancy]);
  }
  const ofVacancy = new Map<string, string[]>();
  const ofSeeker = new Map<string, string[]>();
  const note = (notes: Map<string, string[]>, id: string, text: string) => {
    const list = notes.get(id);
    if (list) list.push(text);
    else notes.set(id, [text]);
  };
  // Remembered per id (and per firm below): a seeker with many blocks is described once.
  const vacancyDescriptions = new Map<string, string>();
  const seekerDescriptions = new Map<string, string>();
  const describeVacancy = (id: string) => remembered(vacancyDescriptions, id, () => vacancyNumbers(vacancyById.get(id)!).join(':'));
  const describeSeeker = (id: string) => remembered(seekerDescriptions, id, () => seekerNumbers(seekerById.get(id)!).join(':'));
  const firmDescriptions = new Map<string, string>();
  const describeFirm = (firmId: string) =>
    remembered(firmDescriptions, firmId, () =>
      (vacanciesByFirm.get(firmId) ?? [])
        .map((vacancy) => describeVacancy(vacancy.id))
        .sort(compareText)
        .join('+'),
    );
  for (const pair of instance.blockedPairs ?? []) {
    note(ofVacancy, pair.vacancyId, `b${describeSeeker(pair.seekerId)}`);
    note(ofSeeker, pair.seekerId, `b${describeVacancy(pair.vacancyId)}`);
  }
  for (const entry of instance.commuteMinutes ?? []) {
    note(ofVacancy, entry.vacancyId, `m${entry.minutes}@${describeSeeker(entry.seekerId)}`);
    note(ofSeeker, entry.seekerId, `m${entry.minutes}@${describeVacancy(entry.vacancyId)}`);
  }
  for (const seeker of instance.seekers) {
    for (const firmId of seeker.blockedFirmIds ?? []) {
      note(ofSeeker, seeker.id, `f${describeFirm(firmId)}`);
      for (const vacancy of vacanciesByFirm.get(firmId) ?? []) note(ofVacancy, vacancy.id, `f${describeSeeker(seeker.id)}`);
    }
  }
  const joined = (notes: Map<string, string[]>) => new Map([...notes].map(([id, list]) => [id, list.sort(compareText).join(';')]));
  return { ofVacancy: joined(ofVacancy), ofSeeker: joined(ofSeeker) };
}

function remembered(memo: Map<string, string>, key: string, compute: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}

function sortByContent<T extends { readonly id: string }>(
  items: readonly T[],
  numbersOf: (item: T) => number[],
  textOf: (item: T) => string,
): T[] {
  const width = items.length === 0 ? 0 : numbersOf(items[0]).length;
  const numbers = new Float64Array(items.length * width);
  items.forEach((item, index) => numbers.set(numbersOf(item), index * width));
  const texts: (string | undefined)[] = new Array(items.length);
  const text = (index: number) => (texts[index] ??= textOf(items[index]));
  const order = Array.from(items, (_, index) => index);
  order.sort((a, b) => {
    for (let k = 0; k < width; k++) {
      const difference = numbers[a * width + k] - numbers[b * width + k];
      if (difference !== 0) return difference;
    }
    return compareText(text(a), text(b)) || compareText(items[a].id, items[b].id);
  });
  return order.map((index) => items[index]);
}

