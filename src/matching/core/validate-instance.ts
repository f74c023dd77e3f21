import { resolveWeights } from './scoring';
import { COMMUTE_MODES, Instance, SCORE_PARTS, ScoreWeights } from './types';
import {
  checkArray,
  checkDate,
  checkNonEmptyString,
  checkNumber,
  checkObject,
  DuplicateTracker,
  fieldPath,
  hasField,
  itemPath,
  JsonObject,
  Problems,
} from './validation-checks';

export type InstanceValidation = { ok: true; instance: Instance } | { ok: false; problems: string[] };

const VACANCY_FIELDS = {
  required: [
    'id',
    'firmId',
    'location',
    'start',
    'end',
    'weeklyHours',
    'hourlyWage',
    'requiredSkills',
    'preferredSkills',
    'requiredCertifications',
  ],
  optional: ['maxCommuteMinutes'],
};
const SEEKER_FIELDS = {
  required: [
    'id',
    'location',
    'commuteMode',
    'maxCommuteMinutes',
    'skills',
    'certifications',
    'availability',
    'busy',
    'weeklyHours',
  ],
  optional: ['minHourlyWage', 'blockedFirmIds', 'waitingSince'],
};
const INSTANCE_FIELDS = {
  required: ['vacancies', 'seekers'],
  optional: ['blockedPairs', 'commuteMinutes', 'asOf', 'weights'],
};
const HOURS = { min: 1, max: 52 };
// Field specs are constants: checkObject keeps each one's set of names (built once, not per object).
const LOCATION_FIELDS = { required: ['lat', 'lng'] };
const RANGE_FIELDS = { required: ['start', 'end'] };
const HOURS_FIELDS = { required: ['min', 'max'] };
const SKILL_FIELDS = { required: ['code', 'level'] };
const PAIR_FIELDS = { required: ['vacancyId', 'seekerId'] };
const COMMUTE_FIELDS = { required: ['vacancyId', 'seekerId', 'minutes'] };
const WEIGHT_FIELDS = { required: [], optional: SCORE_PARTS };

/**
 * Checks a parsed JSON value against the instance contract and collects every problem,
 * each prefixed with its field path, e.g. `vacancies[3].end: must not be before start`.
 * Never throws on bad input.
 */
export function validateInstance(raw: unknown): InstanceValidation {
  const problems: Problems = [];
  const root = checkObject(raw, '', problems, INSTANCE_FIELDS);
  if (!root) return { ok: false, problems };

  const vacancyIds = checkList(root, 'vacancies', problems, { idLabel: 'vacancy id', fields: VACANCY_FIELDS, checkItem: checkVacancy });
  const seekerIds = checkList(root, 'seekers', problems, { idLabel: 'seeker id', fields: SEEKER_FIELDS, checkItem: checkSeeker });
  if (hasField(root, 'blockedPairs')) checkPairList(root.blockedPairs, 'blockedPairs', problems, vacancyIds, seekerIds, false);
  if (hasField(root, 'commuteMinutes')) checkPairList(root.commuteMinutes, 'commuteMinutes', problems, vacancyIds, seekerIds, true);
  if (hasField(root, 'asOf')) checkDate(root.asOf, 'asOf', problems);
  if (hasField(root, 'weights')) checkWeights(root.weights, problems);

  return problems.length === 0 ? { ok: true, instance: raw as Instance } : { ok: false, problems };
}

/** Checks each item of an array of identified objects; returns the ids seen. */
function checkList(
  root: JsonObject,
  key: string,
  problems: Problems,
  kind: {
    readonly idLabel: string;
    readonly fields: { readonly required: readonly string[]; readonly optional: readonly string[] };
    readonly checkItem: (item: JsonObject, path: string, problems: Problems) => void;
  },
): DuplicateTracker {
  const { idLabel, fields, checkItem } = kind;
  const ids = new DuplicateTracker(problems, (id) => `${idLabel} ${JSON.stringify(id)}`);
  if (!hasField(root, key)) return ids;
  const items = checkArray(root[key], key, problems);
  items?.forEach((value, index) => {
    const path = itemPath(key, index);
    const item = checkObject(value, path, problems, fields);
    if (!item) return;
    if (hasField(item, 'id') && checkNonEmptyString(item.id, fieldPath(path, 'id'), problems)) {
      ids.add(item.id, fieldPath(path, 'id'));
    }
    checkItem(item, path, problems);
  });
  return ids;
}

function checkVacancy(vacancy: JsonObject, path: string, problems: Problems): void {
  const at = (key: string) => fieldPath(path, key);
  if (hasField(vacancy, 'firmId')) checkNonEmptyString(vacancy.firmId, at('firmId'), problems);
  if (hasField(vacancy, 'location')) checkLocation(vacancy.location, at('location'), problems);
  checkPeriod(vacancy, path, problems);
  if (hasField(vacancy, 'weeklyHours')) checkNumber(vacancy.weeklyHours, at('weeklyHours'), problems, HOURS);
  if (hasField(vacancy, 'hourlyWage')) checkNumber(vacancy.hourlyWage, at('hourlyWage'), problems, { min: 0, integer: true });
  if (hasField(vacancy, 'requiredSkills')) checkSkills(vacancy.requiredSkills, at('requiredSkills'), problems);
  if (hasField(vacancy, 'preferredSkills')) checkSkills(vacancy.preferredSkills, at('preferredSkills'), problems);
  if (hasField(vacancy, 'requiredCertifications')) {
    checkCodes(vacancy.requiredCertifications, at('requiredCertifications'), problems, 'certification');
  }
  if (hasField(vacancy, 'maxCommuteMinutes')) checkNumber(vacancy.maxCommuteMinutes, at('maxCommuteMinutes'), problems, { min: 0 });
}

function checkSeeker(seeker: JsonObject, path: string, problems: Problems): void {
  const at = (key: string) => fieldPath(path, key);
  if (hasField(seeker, 'location')) checkLocation(seeker.location, at('location'), problems);
  if (hasField(seeker, 'commuteMode') && !COMMUTE_MODES.includes(seeker.commuteMode as never)) {
    problems.push(`${at('commuteMode')}: must be one of ${COMMUTE_MODES.join(', ')}`);
  }
  if (hasField(seeker, 'maxCommuteMinutes')) checkNumber(seeker.maxCommuteMinutes, at('maxCommuteMinutes'), problems, { min: 0 });
  if (hasField(seeker, 'skills')) checkSkills(seeker.skills, at('skills'), problems);
  if (hasField(seeker, 'certifications')) checkCodes(seeker.certifications, at('certifications'), problems, 'certification');
  if (hasField(seeker, 'availability')) checkRanges(seeker.availability, at('availability'), problems);
  if (hasField(seeker, 'busy')) checkRanges(seeker.busy, at('busy'), problems);
  if (hasField(seeker, 'weeklyHours')) checkHoursRange(seeker.weeklyHours, at('weeklyHours'), problems);
  if (hasField(seeker, 'minHourlyWage')) checkNumber(seeker.minHourlyWage, at('minHourlyWage'), problems, { min: 0, integer: true });
  if (hasField(seeker, 'blockedFirmIds')) checkCodes(seeker.blockedFirmIds, at('blockedFirmIds'), problems, 'firm id');
  if (hasField(seeker, 'waitingSince')) checkDate(seeker.waitingSince, at('waitingSince'), problems);
}

function checkLocation(value: unknown, path: string, problems: Problems): void {
  const location = checkObject(value, path, problems, LOCATION_FIELDS);
  if (!location) return;
  if (hasField(location, 'lat')) checkNumber(location.lat, fieldPath(path, 'lat'), problems, { min: -90, max: 90 });
  if (hasField(location, 'lng')) checkNumber(location.lng, fieldPath(path, 'lng'), problems, { min: -180, max: 180 });
}

/** `start` and `end` of an object whose other fields are checked by the caller. */
function checkPeriod(object: JsonObject, path: string, problems: Problems): void {
  const start = hasField(object, 'start') ? checkDate(object.start, fieldPath(path, 'start'), problems) : undefined;
  const end = hasField(object, 'end') ? checkDate(object.end, fieldPath(path, 'end'), problems) : undefined;
  if (start !== undefined && end !== undefined && end < start) {
    problems.push(`${fieldPath(path, 'end')}: must not be before start`);
  }
}

function checkRanges(value: unknown, path: string, problems: Problems): void {
  checkArray(value, path, problems)?.forEach((item, index) => {
    const range = checkObject(item, itemPath(path, index), problems, RANGE_FIELDS);
    if (range) checkPeriod(range, itemPath(path, index), problems);
  });
}

function checkHoursRange(value: unknown, path: string, problems: Problems): void {
  const hours = checkObject(value, path, problems, HOURS_FIELDS);
  if (!hours) return;
  const min = hasField(hours, 'min') && checkNumber(hours.min, fieldPath(path, 'min'), problems, HOURS);
  const max = hasField(hours, 'max') && checkNumber(hours.max, fieldPath(path, 'max'), problems, HOURS);
  if (min && max && (hours.max as number) < (hours.min as number)) {
    problems.push(`${fieldPath(path, 'max')}: must not be less than min`);
  }
}

function checkSkills(value: unknown, path: string, problems: Problems): void {
  const codes = new DuplicateTracker(problems, (code) => `skill ${JSON.stringify(code)}`);
  checkArray(value, path, problems)?.forEach((item, index) => {
    const skillPath = itemPath(path, index);
    const skill = checkObject(item, skillPath, problems, SKILL_FIELDS);
    if (!skill) return;
    const codePath = fieldPath(skillPath, 'code');
    if (hasField(skill, 'code') && checkNonEmptyString(skill.code, codePath, problems)) codes.add(skill.code, codePath);
    if (hasField(skill, 'level')) checkNumber(skill.level, fieldPath(skillPath, 'level'), problems, { min: 1, max: 5, integer: true });
  });
}

function checkCodes(value: unknown, path: string, problems: Problems, label: string): void {
  const codes = new DuplicateTracker(problems, (code) => `${label} ${JSON.stringify(code)}`);
  checkArray(value, path, problems)?.forEach((item, index) => {
    if (checkNonEmptyString(item, itemPath(path, index), problems)) codes.add(item, itemPath(path, index));
  });
}

/** blockedPairs and commuteMinutes: pairs of existing ids, each pair at most once. */
function checkPairList(
  value: unknown,
  key: string,
  problems: Problems,
  vacancyIds: DuplicateTracker,
  seekerIds: DuplicateTracker,
  withMinutes: boolean,
): void {
  const pairs = new DuplicateTracker(problems, () => 'pair');
  const fields = withMinutes ? COMMUTE_FIELDS : PAIR_FIELDS;
  checkArray(value, key, problems)?.forEach((item, index) => {
    const path = itemPath(key, index);
    const pair = checkObject(item, path, problems, fields);
    if (!pair) return;
    const vacancyOk = hasField(pair, 'vacancyId') && checkReference(pair.vacancyId, fieldPath(path, 'vacancyId'), problems, vacancyIds, 'vacancy');
    const seekerOk = hasField(pair, 'seekerId') && checkReference(pair.seekerId, fieldPath(path, 'seekerId'), problems, seekerIds, 'seeker');
    if (withMinutes && hasField(pair, 'minutes')) checkNumber(pair.minutes, fieldPath(path, 'minutes'), problems, { min: 0 });
    if (vacancyOk && seekerOk) pairs.add(JSON.stringify([pair.vacancyId, pair.seekerId]), path);
  });
}

function checkReference(value: unknown, path: string, problems: Problems, ids: DuplicateTracker, label: string): boolean {
  if (!checkNonEmptyString(value, path, problems)) return false;
  if (ids.has(value)) return true;
  problems.push(`${path}: no ${label} with id ${JSON.stringify(value)}`);
  return false;
}

function checkWeights(value: unknown, problems: Problems): void {
  const weights = checkObject(value, 'weights', problems, WEIGHT_FIELDS);
  if (!weights) return;
  let valid = true;
  for (const part of SCORE_PARTS) {
    if (hasField(weights, part)) valid = checkNumber(weights[part], fieldPath('weights', part), problems, { min: 0 }) && valid;
  }
  const known = Object.keys(weights).every((key) => (SCORE_PARTS as readonly string[]).includes(key));
  if (valid && known) {
    const effective = resolveWeights(weights as ScoreWeights);
    if (SCORE_PARTS.every((part) => effective[part] === 0)) problems.push('weights: must not all be zero');
  }
}
