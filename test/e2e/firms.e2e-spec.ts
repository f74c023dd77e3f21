import { randomUUID } from 'node:crypto';
import { Firm } from '../../src/firms/firm.entity';
import { API, createComplex, createFirm, createLeaveGap, fieldsOf, firmBody, problemOf, uniqueBusinessNumber } from './factories';
import { TestApp, createTestApp } from './support/test-app';

describe('firms', () => {
  let t: TestApp;
  let complexId: string;
  const countByBusinessNumber = (businessNumber: string) =>
    t.dataSource.getRepository(Firm).countBy({ businessNumber: businessNumber.replace(/-/g, '') });

  beforeAll(async () => {
    t = await createTestApp();
    complexId = (await createComplex(t)).id;
  });
  afterAll(() => t.close());

  it('creates a firm and reads it back', async () => {
    const body = firmBody(complexId);
    const created = await t.api.post(`${API}/firms`).send(body).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: body.name,
      businessNumber: body.businessNumber,
      employeeCount: 48,
      prioritySupport: true,
      complexId,
      address: body.address,
      site: body.site,
      status: 'active',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // A coordinator's read also counts the firm's referrals declined without a reason (docs/referrals.md).
    await t.api.get(`${API}/firms/${created.body.id}`).expect(200, { ...created.body, referralDeclines: { uncodedDeclines: 0, flagged: false } });
  });

  it('accepts the written form 124-81-00998 and stores the digits', async () => {
    const digits = uniqueBusinessNumber();
    const written = `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
    const created = await t.api.post(`${API}/firms`).send(firmBody(complexId, { businessNumber: written })).expect(201);
    expect(created.body.businessNumber).toBe(digits);
  });

  it('lists firms filtered by complex and status', async () => {
    const ownComplex = await createComplex(t);
    const kept = await createFirm(t, { complexId: ownComplex.id });
    const cancelled = await createFirm(t, { complexId: ownComplex.id });
    await t.api.post(`${API}/firms/${cancelled.id}/cancel`).expect(200);

    const all = await t.api.get(`${API}/firms`).query({ complexId: ownComplex.id }).expect(200);
    expect(all.body.total).toBe(2);
    const active = await t.api.get(`${API}/firms`).query({ complexId: ownComplex.id, status: 'active' }).expect(200);
    expect(active.body.items.map((firm: { id: string }) => firm.id)).toEqual([kept.id]);
  });

  it('finds a firm by business number, written with or without dashes', async () => {
    const firm = await createFirm(t);
    const digits = firm.businessNumber as string;
    for (const written of [digits, `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`]) {
      const found = await t.api.get(`${API}/firms`).query({ businessNumber: written }).expect(200);
      expect(found.body.items.map((f: { id: string }) => f.id)).toEqual([firm.id]);
    }
    await t.api.get(`${API}/firms`).query({ businessNumber: '12-34' }).expect(400);
  });

  it('updates a firm', async () => {
    const firm = await createFirm(t, { complexId });
    const updated = await t.api
      .patch(`${API}/firms/${firm.id}`)
      .send({ employeeCount: 120, prioritySupport: false, site: { lat: 37.48, lng: 126.88 } })
      .expect(200);
    expect(updated.body).toMatchObject({ employeeCount: 120, prioritySupport: false, site: { lat: 37.48, lng: 126.88 }, name: firm.name });
  });

  it('cancels a firm together with its open leave gaps', async () => {
    const firm = await createFirm(t, { complexId });
    const gap = await createLeaveGap(t, firm.id);
    const cancelled = await t.api.post(`${API}/firms/${firm.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await t.api.get(`${API}/leave-gaps/${gap.id}`).expect(200)).body.status).toBe('cancelled');

    const again = await t.api.post(`${API}/firms/${firm.id}/cancel`).expect(200);
    expect(again.body.status).toBe('cancelled');
    expect(problemOf(await t.api.patch(`${API}/firms/${firm.id}`).send({ employeeCount: 5 }).expect(409)).code).toBe(
      'firm.cancelled',
    );
    const refused = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send({}).expect(400);
    expect(refused.status).toBe(400); // invalid body is refused before the firm is looked at
  });

  it('refuses a duplicate business number with 409, writing nothing', async () => {
    const firm = await createFirm(t, { complexId });
    const response = await t.api
      .post(`${API}/firms`)
      .send(firmBody(complexId, { businessNumber: firm.businessNumber }))
      .expect(409);
    expect(problemOf(response).code).toBe('firm.duplicate_business_number');
    expect(await countByBusinessNumber(firm.businessNumber as string)).toBe(1);
  });

  it('refuses a duplicate business number given in written form', async () => {
    const firm = await createFirm(t, { complexId });
    const digits = firm.businessNumber as string;
    const written = `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
    await t.api.post(`${API}/firms`).send(firmBody(complexId, { businessNumber: written })).expect(409);
  });

  describe('validation: 400 naming the field, nothing written', () => {
    const wrongCheckDigit = () => {
      const valid = uniqueBusinessNumber();
      return valid.slice(0, 9) + ((Number(valid[9]) + 1) % 10);
    };

    it.each([
      ['businessNumber', () => ({ businessNumber: wrongCheckDigit() }), 'check digit'],
      ['businessNumber', () => ({ businessNumber: '12345' }), '10 digits'],
      ['employeeCount', () => ({ employeeCount: 0 }), undefined],
      ['prioritySupport', () => ({ prioritySupport: 'yes' }), undefined],
      ['site.lat', () => ({ site: { lat: 95, lng: 126.9 } }), undefined],
      // Without a site the address is geocoded: one the gazetteer does not know is refused on address.
      ['address', () => ({ site: undefined, address: '부산 해운대구 우동 1' }), undefined],
      ['complexId', () => ({ complexId: 'not-a-uuid' }), undefined],
      ['name', () => ({ name: '' }), undefined],
      ['unexpected', () => ({ unexpected: true }), 'not allowed'],
    ])('%s (%#)', async (field, overrides, messagePart) => {
      const body = firmBody(complexId, overrides());
      const response = await t.api.post(`${API}/firms`).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(response)).toContain(field);
      if (messagePart) {
        expect(problemOf(response).errors!.find((error) => error.field === field)!.message).toContain(messagePart);
      }
      expect(await countByBusinessNumber(body.businessNumber as string)).toBe(0);
    });

    it('complexId of no complex: firm.unknown_complex', async () => {
      const body = firmBody(randomUUID());
      const response = await t.api.post(`${API}/firms`).send(body).expect(400);
      expect(problemOf(response)).toMatchObject({ code: 'firm.unknown_complex', errors: [{ field: 'complexId' }] });
      expect(await countByBusinessNumber(body.businessNumber as string)).toBe(0);
    });

    it('a PATCH with a bad business number changes nothing', async () => {
      const firm = await createFirm(t, { complexId });
      const response = await t.api.patch(`${API}/firms/${firm.id}`).send({ businessNumber: wrongCheckDigit(), name: '새 이름' }).expect(400);
      expect(fieldsOf(response)).toEqual(['businessNumber']);
      expect((await t.api.get(`${API}/firms/${firm.id}`).expect(200)).body.name).toBe(firm.name);
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect(problemOf(await t.api.get(`${API}/firms/${randomUUID()}`).expect(404)).code).toBe('firm.not_found');
    expect(problemOf(await t.api.post(`${API}/firms/123/cancel`).expect(404)).code).toBe('firm.not_found');
  });
});
