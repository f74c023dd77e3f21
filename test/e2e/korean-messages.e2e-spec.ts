import { API, createFirm, createLeaveGap, leaveGapBody, problemOf, seekerBody } from './factories';
import { gap2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';

describe('Korean messages (Accept-Language: ko)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a leave-law refusal in Korean when asked, in English by default', async () => {
    const firm = await createFirm(t);
    const tooLong = leaveGapBody({ leaveStart: '2026-03-02', leaveEnd: '2026-06-30' });
    const korean = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).set('Accept-Language', 'ko-KR,ko;q=0.9').send(tooLong).expect(400);
    expect(JSON.parse(korean.text)).toMatchObject({
      code: 'leave_gap.maternity_too_long',
      detail: '출산전후휴가는 최대 90일(다태아 120일)입니다.',
      errors: [{ field: 'leaveEnd', code: 'leave_gap.maternity_too_long', message: '출산전후휴가는 최대 90일(다태아 120일)입니다.' }],
    });
    const english = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(tooLong).expect(400);
    expect(JSON.parse(english.text).detail).toMatch(/^maternity leave lasts at most 90 days/);
    const preferringEnglish = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).set('Accept-Language', 'en-US,ko;q=0.5').send(tooLong).expect(400);
    expect(JSON.parse(preferringEnglish.text).detail).toMatch(/^maternity leave/);
  });

  it('gives every validation error a per-rule code and a Korean message naming the field', async () => {
    const response = await t.api
      .post(`${API}/seekers`)
      .set('Accept-Language', 'ko')
      .send(seekerBody({ displayName: '', maxCommuteMinutes: 500, waitingSince: '2026-02-30', extra: 1 }))
      .expect(400);
    const problem = JSON.parse(response.text);
    expect(problem.detail).toBe('요청에 잘못된 항목이 있습니다.');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'displayName', code: 'isNotEmpty', message: 'displayName: 비워 둘 수 없습니다.' },
        { field: 'maxCommuteMinutes', code: 'max', message: 'maxCommuteMinutes: 240 이하여야 합니다.' },
        { field: 'waitingSince', code: 'isCalendarDate', message: 'waitingSince: 2027-03-02 같은 실제 날짜여야 합니다.' },
        { field: 'extra', code: 'whitelistValidation', message: 'extra: 허용되지 않는 항목입니다.' },
      ]),
    );
    for (const error of problem.errors) expect(error.message).toMatch(/[가-힣]/);
  });

  it('says an unknown catalogue code, a missing route and a refused role in Korean', async () => {
    const unknown = await t.api.post(`${API}/seekers`).set('Accept-Language', 'ko').send(seekerBody({ certifications: ['forklfit'] })).expect(400);
    expect(JSON.parse(unknown.text)).toMatchObject({ code: 'catalog.unknown_code', errors: [{ field: 'certifications[0]', message: expect.stringMatching(/카탈로그에 없는 코드/) }] });
    const missing = await t.api.get(`${API}/no-such-route`).set('Accept-Language', 'ko').expect(404);
    expect(JSON.parse(missing.text).detail).toBe('요청한 주소를 찾을 수 없습니다.');
    const anonymous = await t.anonymous.get(`${API}/seekers`).set('Accept-Language', 'ko').expect(401);
    expect(problemOf(anonymous).code).toBe('auth.missing_token');
    expect(JSON.parse(anonymous.text).detail).toBe('로그인이 필요합니다.');
  });

  it("explains an unfilled gap's candidates in Korean", async () => {
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(uniqueSkill('korean-explanation')));
    const korean = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`).set('Accept-Language', 'ko').expect(200);
    expect(korean.body.explanation[0]).toBe('모든 조건을 충족하는 구직자가 없습니다.');
    expect(korean.body.explanation).toEqual(expect.arrayContaining([expect.stringMatching(/^구직자 \d+명은 필요한 기술이 없거나 숙련도가 부족합니다\.$/)]));
    const english = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`).expect(200);
    expect(english.body.explanation[0]).toBe('Nobody meets every requirement.');
  });
});
