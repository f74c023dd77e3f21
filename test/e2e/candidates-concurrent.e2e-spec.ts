import { Clock, FixedClock } from '../../src/clock/clock';
import { API } from './factories';
import { insertRandomMatchingData } from './factories/random-matching-data';
import { createTestApp, TestApp } from './support/test-app';

const AS_OF = '2027-03-02';

/**
 * Concurrent answers share their names statements (StatementBatcher, in AccessLogService):
 * each must still be the answer its gap gets alone, names included.
 */
describe('live candidates, many gaps at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(AS_OF)));
  });
  afterAll(() => t.close());

  it('answers each of concurrent requests as it answers that gap alone, whatever the case of its id', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 29);
    const get = (id: string) => t.api.get(`${API}/leave-gaps/${id}/candidates?limit=5`);
    const alone = [];
    for (const id of gapIds) alone.push(await get(id));
    expect(alone.filter((response) => response.status === 200).length).toBeGreaterThan(2);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const paths = [...gapIds, ...gapIds.map((id) => id.toUpperCase()), unknown];
    const together = await Promise.all(paths.map(get));

    const expected = [...alone, ...alone].map((response) => ({ status: response.status, body: response.status === 200 ? response.body : response.body.code }));
    expect(together.slice(0, -1).map((response) => ({ status: response.status, body: response.status === 200 ? response.body : response.body.code }))).toEqual(expected);
    expect(together[together.length - 1].status).toBe(404);
  });
});
