import { API, createComplex, createFirm, createLeaveGap, createSeeker } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';

interface ProposalView {
  id: string;
  status: string;
  leaveGap: { id: string; firm: { name: string } };
}

/** A national run has thousands of proposals: the list comes in windows and narrows to a complex, a gap or a status. */
describe('match-run results: windows and filters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function runWithProposals() {
    const skill = uniqueSkill('pages');
    const complexes = [await createComplex(t), await createComplex(t)];
    const firms = [
      await createFirm(t, { complexId: complexes[0].id, name: `(주)가나 ${skill}` }),
      await createFirm(t, { complexId: complexes[1].id, name: `(주)다라 ${skill}` }),
    ];
    const gaps = [];
    for (const firm of firms) for (let i = 0; i < 3; i++) gaps.push(await createLeaveGap(t, firm.id, gap2027(skill)));
    const seeker = await createSeeker(t, seeker2027(skill));
    const runId = await insertFinishedRun(t);
    const proposalIds = await insertProposals(t, runId, gaps.map((gap) => ({ leaveGapId: gap.id, seekerId: seeker.id })));
    await t.dataSource.query(`UPDATE proposals SET status = 'rejected', decided_at = now(), reason = 'test' WHERE id = $1`, [proposalIds[4]]);
    return { runId, complexes, gaps, proposalIds };
  }

  it('keeps the whole list by default and pages through it in the same order', async () => {
    const { runId, gaps } = await runWithProposals();
    const whole = await t.api.get(`${API}/match-runs/${runId}/proposals`).expect(200);
    expect(whole.body.proposals).toHaveLength(6);
    expect(whole.body.totals).toEqual({ proposals: 6, unfilled: 0 });
    const names = (whole.body.proposals as ProposalView[]).map((p) => p.leaveGap.firm.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set((whole.body.proposals as ProposalView[]).map((p) => p.leaveGap.id))).toEqual(new Set(gaps.map((gap) => gap.id)));

    const pages = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = await t.api.get(`${API}/match-runs/${runId}/proposals`).query({ offset, limit: 4 }).expect(200);
      expect(page.body).toMatchObject({ offset, limit: 4, totals: { proposals: 6 } });
      pages.push(...page.body.proposals);
    }
    expect(pages.map((p: ProposalView) => p.id)).toEqual(whole.body.proposals.map((p: ProposalView) => p.id));
  });

  it('narrows to a complex, a gap and a status', async () => {
    const { runId, complexes, gaps, proposalIds } = await runWithProposals();
    const ids = async (query: Record<string, unknown>) =>
      ((await t.api.get(`${API}/match-runs/${runId}/proposals`).query(query).expect(200)).body.proposals as ProposalView[]).map((p) => p.id).sort();

    expect(await ids({ complexId: complexes[1].id })).toEqual(proposalIds.slice(3).sort());
    expect(await ids({ leaveGapId: gaps[1].id })).toEqual([proposalIds[1]]);
    expect(await ids({ status: 'rejected' })).toEqual([proposalIds[4]]);
    expect(await ids({ complexId: complexes[0].id, status: 'rejected' })).toEqual([]);
  });

  it('refuses a window or a filter it cannot read', async () => {
    const { runId } = await runWithProposals();
    for (const query of [{ limit: 0 }, { limit: 5_001 }, { offset: -1 }, { status: 'maybe' }, { complexId: 'x' }]) {
      await t.api.get(`${API}/match-runs/${runId}/proposals`).query(query).expect(400);
    }
  });
});
