import { randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { completeBusinessNumber } from '../../../src/firms/business-number';
import type { TestApp } from '../support/test-app';
import { catalogueMintedCodes } from './catalog';

/**
 * Small factories: each test builds its own rows with unique values, so spec files never
 * depend on each other or on what is already in the database.
 */
export const API = '/api/v1';

type Body = Record<string, unknown>;

/** Problem details from an error response (parsed from text, whatever the content type). */
export function problemOf(response: Response): {
  code: string;
  status: number;
  errors?: { field: string; code: string; message: string }[];
  details?: Record<string, unknown>;
} {
  return JSON.parse(response.text);
}

/** The fields named by a problem's `errors`. */
export function fieldsOf(response: Response): string[] {
  return (problemOf(response).errors ?? []).map((error) => error.field);
}

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** A fresh valid business registration number (random prefix, correct check digit). */
export function uniqueBusinessNumber(): string {
  return completeBusinessNumber(String(randomInt(100_000_000, 1_000_000_000)));
}

async function created(response: Promise<Response>): Promise<Body & { id: string }> {
  const result = await response;
  if (result.status !== 201) throw new Error(`expected 201, got ${result.status}: ${result.text}`);
  return result.body;
}

export function complexBody(overrides: Body = {}): Body {
  return {
    name: `시험산업단지 ${uniqueSuffix()}`,
    region: '서울 금천구',
    centroid: { lat: 37.4813, lng: 126.8827 },
    ...overrides,
  };
}

export function createComplex(t: TestApp, overrides: Body = {}) {
  return created(t.api.post(`${API}/complexes`).send(complexBody(overrides)));
}

export function firmBody(complexId: string, overrides: Body = {}): Body {
  return {
    name: `(주)시험정밀 ${uniqueSuffix()}`,
    businessNumber: uniqueBusinessNumber(),
    employeeCount: 48,
    prioritySupport: true,
    complexId,
    address: '서울 금천구 가산디지털1로 168',
    site: { lat: 37.4772, lng: 126.8826 },
    ...overrides,
  };
}

/** A firm in a complex of its own. */
export async function createFirm(t: TestApp, overrides: Body = {}) {
  const complexId = (overrides.complexId as string | undefined) ?? (await createComplex(t)).id;
  return created(t.api.post(`${API}/firms`).send(firmBody(complexId, overrides)));
}

/** A lawful 2026 gap: a maternity leave of 90 days with two weeks of handover. */
export function leaveGapBody(overrides: Body = {}): Body {
  return {
    leaveType: 'maternity',
    leaveStart: '2026-03-02',
    leaveEnd: '2026-05-30',
    handoverDays: 14,
    roleTitle: 'CNC 가공원',
    requiredSkills: [{ code: 'cnc-milling', level: 2 }],
    preferredSkills: [{ code: 'autocad', level: 1 }],
    requiredCertifications: [],
    weeklyHours: 40,
    hourlyWage: 12_000,
    ...overrides,
  };
}

export async function createLeaveGap(t: TestApp, firmId?: string, overrides: Body = {}) {
  const owner = firmId ?? (await createFirm(t)).id;
  const body = leaveGapBody(overrides);
  await catalogueMintedCodes(t, body);
  return created(t.api.post(`${API}/firms/${owner}/leave-gaps`).send(body));
}

export function seekerBody(overrides: Body = {}): Body {
  return {
    displayName: `김민지 ${uniqueSuffix()}`,
    phone: `010-${randomInt(1000, 10_000)}-${randomInt(1000, 10_000)}`,
    email: `seeker-${uniqueSuffix()}@example.com`,
    home: { lat: 37.4602, lng: 126.8955 },
    commuteMode: 'transit',
    maxCommuteMinutes: 60,
    skills: [{ code: 'cnc-milling', level: 3 }],
    certifications: ['forklift'],
    weeklyHours: { min: 20, max: 40 },
    minHourlyWage: 11_000,
    availability: [{ start: '2026-02-01', end: '2026-08-31' }],
    consent: true,
    ...overrides,
  };
}

export async function createSeeker(t: TestApp, overrides: Body = {}) {
  const body = seekerBody(overrides);
  await catalogueMintedCodes(t, body);
  return created(t.api.post(`${API}/seekers`).send(body));
}
export { catalogueMintedCodes } from './catalog';
