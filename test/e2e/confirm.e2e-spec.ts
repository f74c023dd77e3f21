import { addDays } from '../../src/common/calendar-date';
import { Placement } from '../../src/placements/placement.entity';
import { Proposal } from '../../src/proposals/proposal.entity';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { bearer, coordinator } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

const REPETITIONS = 10;
const CONCURRENT = 50;

describe('confirming proposals', () => {
  let t: TestApp;
  const placements = () => t.dataSource.getRepository(Placement);
  const proposals = () => t.dataSource.getRepository(Proposal);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** `count` overlapping 2027 gaps of one firm. */
  async function overlappingGaps(count: number, skill: string): Promise<string[]> {
    const firm = await createFirm(t);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      // 90-day maternity leaves starting a day apart: any two share at least a month.
      const leaveStart = addDays(testDay(91), i);
      ids.push((await createLeaveGap(t, firm.id, gap2027(skill, { leaveStart, leaveEnd: addDays(leaveStart, 89), handoverDays: 0 }))).id);
    }
    return ids;
  }

  it(`lets exactly one of ${CONCURRENT} concurrent confirms double-booking one seeker through: one 201, the rest 409, one placement (x${REPETITIONS})`, async () => {
    const skill = uniqueSkill('press');
    const gapIds = await overlappingGaps(CONCURRENT + REPETITIONS - 1, skill);
    const open = new Set(gapIds);
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      const seeker = await createSeeker(t, seeker2027(skill));
      const runId = await insertFinishedRun(t);
      const targets = [...open].slice(0, CONCURRENT);
      const proposalIds = await insertProposals(t, runId, targets.map((leaveGapId) => ({ leaveGapId, seekerId: seeker.id })));

      const responses = await Promise.all(proposalIds.map((id) => t.api.post(`${API}/proposals/${id}/confirm`)));

      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(CONCURRENT - 1);
      const winner = responses.find((response) => response.status === 201)!;
      const placementId = winner.body.placement.id;
      for (const refused of responses.filter((response) => response.status === 409)) {
        const problem = problemOf(refused);
        expect(['placement.seeker_double_booked', 'proposal.not_proposed']).toContain(problem.code);
        if (problem.code === 'placement.seeker_double_booked') expect(problem.details?.conflictingPlacementId).toBe(placementId);
      }
      expect(await placements().countBy({ seekerId: seeker.id })).toBe(1);
      // Every other proposal of the seeker is retired: none stays confirmable.
      const left = await proposals().findBy({ matchRunId: runId });
      expect(left.filter((p) => p.status === 'confirmed').map((p) => p.placementId)).toEqual([placementId]);
      expect(left.filter((p) => p.status === 'superseded')).toHaveLength(CONCURRENT - 1);
      open.delete(winner.body.placement.leaveGapId);
    }
  }, 180_000);

  it("keeps one coordinator's Idempotency-Key apart from another's: the second caller gets a decision of its own", async () => {
    const skill = uniqueSkill('key-owner');
    const [gapId] = await overlappingGaps(1, skill);
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapId, seekerId: seeker.id }]);
    const key = `shared-key-${proposalId}`;

    await t.api.post(`${API}/proposals/${proposalId}/confirm`).set('Idempotency-Key', key).expect(201);
    const other = await t.anonymous
      .post(`${API}/proposals/${proposalId}/confirm`)
      .set('Authorization', bearer(coordinator('another-coordinator')))
      .set('Idempotency-Key', key);

    expect(other.status).toBe(409);
    expect(problemOf(other).code).toBe('proposal.not_proposed');
    expect(await placements().countBy({ leaveGapId: gapId })).toBe(1);
  });

  it('answers a repeated confirm with the same Idempotency-Key with the first answer and creates one placement', async () => {
    const skill = uniqueSkill('lathe');
    const [gapId] = await overlappingGaps(1, skill);
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapId, seekerId: seeker.id }]);

    const first = await t.api.post(`${API}/proposals/${proposalId}/confirm`).set('Idempotency-Key', `key-${proposalId}`);
    const second = await t.api.post(`${API}/proposals/${proposalId}/confirm`).set('Idempotency-Key', `key-${proposalId}`);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(await placements().countBy({ leaveGapId: gapId })).toBe(1);

    // Without the key the same request is a second, refused, confirmation.
    const unkeyed = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(unkeyed).code).toBe('proposal.not_proposed');

    // The same key for another request is refused.
    const [otherGap] = await overlappingGaps(1, skill);
    const [otherProposal] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: otherGap, seekerId: (await createSeeker(t, seeker2027(skill))).id }]);
    const reused = await t.api.post(`${API}/proposals/${otherProposal}/confirm`).set('Idempotency-Key', `key-${proposalId}`).expect(409);
    expect(problemOf(reused).code).toBe('idempotency.key_reused');
    expect(await placements().countBy({ leaveGapId: otherGap })).toBe(0);
  });

  it('answers two concurrent confirms with one Idempotency-Key identically, with one placement', async () => {
    const skill = uniqueSkill('grinder');
    for (let repetition = 0; repetition < 5; repetition += 1) {
      const [gapId] = await overlappingGaps(1, skill);
      const seeker = await createSeeker(t, seeker2027(skill));
      const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapId, seekerId: seeker.id }]);
      const key = `concurrent-${proposalId}`;
      const responses = await Promise.all(
        Array.from({ length: 4 }, () => t.api.post(`${API}/proposals/${proposalId}/confirm`).set('Idempotency-Key', key)),
      );
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(responses.map((response) => response.text)).size).toBe(1);
      expect(await placements().countBy({ leaveGapId: gapId })).toBe(1);
    }
  });

  it('replays a refusal too: a retried double-booking confirm gets the same 409 naming the same placement', async () => {
    const skill = uniqueSkill('forge');
    const gapIds = await overlappingGaps(2, skill);
    const seeker = await createSeeker(t, seeker2027(skill));
    const runId = await insertFinishedRun(t);
    const [firstProposal] = await insertProposals(t, runId, [{ leaveGapId: gapIds[0], seekerId: seeker.id }]);
    const winner = await t.api.post(`${API}/proposals/${firstProposal}/confirm`).expect(201);
    // Written after the confirmation, as by a run that was solving meanwhile: the database refuses it.
    const [late] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapIds[1], seekerId: seeker.id }]);

    const refused = await t.api.post(`${API}/proposals/${late}/confirm`).set('Idempotency-Key', `late-${late}`).expect(409);
    expect(problemOf(refused)).toMatchObject({
      code: 'placement.seeker_double_booked',
      details: { conflictingPlacementId: winner.body.placement.id, proposalId: late },
    });
    const retried = await t.api.post(`${API}/proposals/${late}/confirm`).set('Idempotency-Key', `late-${late}`).expect(409);
    expect(problemOf(retried)).toMatchObject({ code: 'placement.seeker_double_booked', details: problemOf(refused).details });
    expect((await proposals().findOneByOrFail({ id: late })).status).toBe('superseded');
  });

  it('rejects a proposal with a reason: the pair is remembered once and the decision is final', async () => {
    const skill = uniqueSkill('paint');
    const [gapId] = await overlappingGaps(1, skill);
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId, again] = [
      ...(await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapId, seekerId: seeker.id }])),
      ...(await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapId, seekerId: seeker.id }])),
    ];
    await t.api.post(`${API}/proposals/${proposalId}/reject`).send({}).expect(400);
    const rejected = await t.api.post(`${API}/proposals/${proposalId}/reject`).send({ reason: '본인 사정으로 고사' }).expect(200);
    expect(rejected.body).toMatchObject({ id: proposalId, status: 'rejected', reason: '본인 사정으로 고사' });
    await t.api.post(`${API}/proposals/${again}/reject`).send({ reason: '다시 거절' }).expect(200);
    const pairs = await t.dataSource.query(`SELECT reason FROM rejected_pairs WHERE leave_gap_id = $1 AND seeker_id = $2`, [gapId, seeker.id]);
    expect(pairs).toEqual([{ reason: '본인 사정으로 고사' }]);
    const confirm = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(confirm)).toMatchObject({ code: 'proposal.not_proposed', details: { status: 'rejected' } });
    const events = await t.dataSource.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1`, [proposalId]);
    expect(events).toEqual([{ type: 'proposal.rejected', payload: expect.not.objectContaining({ reason: expect.anything() }) }]);
  });

  it('cancels a placement: the seeker\'s days are free again and the gap reopens', async () => {
    const skill = uniqueSkill('weld');
    const gapIds = await overlappingGaps(2, skill);
    const seeker = await createSeeker(t, seeker2027(skill));
    const [first, second] = await insertProposals(t, await insertFinishedRun(t), [
      { leaveGapId: gapIds[0], seekerId: seeker.id },
      { leaveGapId: gapIds[1], seekerId: seeker.id },
    ]);
    const confirmed = await t.api.post(`${API}/proposals/${first}/confirm`).expect(201);
    expect(confirmed.body.supersededProposalIds).toEqual([second]);
    const placementId = confirmed.body.placement.id;

    await t.api.post(`${API}/placements/${placementId}/cancel`).send({}).expect(400);
    const cancelled = await t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: '업체 휴업' }).expect(200);
    expect(cancelled.body).toMatchObject({ id: placementId, status: 'cancelled', cancelledReason: '업체 휴업' });
    expect((await t.api.get(`${API}/leave-gaps/${gapIds[0]}`).expect(200)).body.status).toBe('open');
    const twice = await t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: 'again' }).expect(409);
    expect(problemOf(twice).code).toBe('placement.already_cancelled');

    // The overlapping gap can now take the same seeker.
    const [fresh] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapIds[1], seekerId: seeker.id }]);
    await t.api.post(`${API}/proposals/${fresh}/confirm`).expect(201);
    const events = await t.dataSource.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [placementId]);
    expect(events).toEqual([{ type: 'placement.cancelled' }]);
    await t.api.post(`${API}/placements/00000000-0000-4000-8000-000000000000/cancel`).send({ reason: 'x' }).expect(404);
  });
});
