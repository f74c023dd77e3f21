import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MatchResult } from '../core/types';
import { ResultRows, resultRows } from '../result-rows';
import type { SolveReply, SolveRequest, SolverCollected, SolverReady } from './solve-messages';
import { solveNice } from './solver-priority';
import { startSolverWorker } from './solver-thread';

/** The nice value of one thread of this process, from /proc/<pid>/task/<tid>/stat (field 19). */
function niceOfThread(threadId: number): number {
  const afterName = readFileSync(`/proc/${process.pid}/task/${threadId}/stat`, 'utf8').split(') ')[1];
  return Number(afterName.split(' ')[16]);
}

/** The thread's next message of a kind (by default a reply or the ready message, not a collection report). */
function nextMessage<T>(worker: Worker, wanted: (message: object) => boolean = (message) => !('collected' in message)): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: object) => {
      if (!wanted(message)) return;
      worker.off('message', onMessage);
      resolve(message as T);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

const EMPTY_INSTANCE = JSON.stringify({ vacancies: [], seekers: [], blockedPairs: [], asOf: '2026-03-02' });

async function solveAt(worker: Worker, nice: number | undefined): Promise<SolveReply> {
  const replied = nextMessage<SolveReply>(worker);
  worker.postMessage({ id: 1, instanceJson: EMPTY_INSTANCE, options: {}, validate: true, nice } satisfies SolveRequest);
  return replied;
}

const linux = existsSync('/proc/thread-self');

/** A result without its one timed field, for comparing two solves of one instance. */
describe('solver thread priority', () => {
  let worker: Worker | undefined;

  afterEach(async () => {
    await worker?.terminate();
    worker = undefined;
  });

  (linux ? it : it.skip)('solves at the nice value asked for, that thread alone, and returns to the process priority after', async () => {
    const before = getPriority();
    worker = startSolverWorker();
    const ready = await nextMessage<SolverReady>(worker);
    expect(ready).toMatchObject({ ready: true, nice: before });
    expect(ready.threadId).not.toBe(process.pid);

    const reply = await solveAt(worker, 7);

    expect('result' in reply).toBe(true);
    expect(reply.priority).toEqual({ during: 7, after: before, base: before });
    expect(niceOfThread(ready.threadId!)).toBe(before);
    expect(niceOfThread(process.pid)).toBe(before);
  });

  (linux ? it : it.skip)('solves at the process priority when no nice value is asked for', async () => {
    worker = startSolverWorker();
    await nextMessage<SolverReady>(worker);

    expect((await solveAt(worker, undefined)).priority).toMatchObject({ during: getPriority(), after: getPriority() });
  });
});

describe('solver thread replies', () => {
  let worker: Worker | undefined;

  afterEach(async () => {
    await worker?.terminate();
    worker = undefined;
  });

  it('replies with the rows the results writer stores when asked, those of the same result, with where the time went', async () => {
    worker = startSolverWorker();
    await nextMessage<SolverReady>(worker);
    const instance = JSON.stringify({
      vacancies: [
        { id: 'v1', firmId: 'f1', location: { lat: 37.5, lng: 127 }, start: '2026-03-02', end: '2026-03-31', weeklyHours: 40, hourlyWage: 12000, requiredSkills: [], preferredSkills: [], requiredCertifications: [] },
      ],
      seekers: [
        { id: 's1', location: { lat: 37.5, lng: 127 }, commuteMode: 'car', maxCommuteMinutes: 60, skills: [], certifications: [], availability: [{ start: '2026-03-01', end: '2026-04-30' }], busy: [], weeklyHours: { min: 20, max: 40 } },
      ],
      asOf: '2026-03-01',
    });
    const ask = async (replyAsRows: boolean) => {
      const replied = nextMessage<SolveReply>(worker!);
      worker!.postMessage({ id: 1, instanceJson: new TextEncoder().encode(instance), options: {}, validate: true, replyAsRows } satisfies SolveRequest);
      return replied;
    };

    const asObject = await ask(false);
    const asRows = await ask(true);

    expect('result' in asObject && asObject.result.stats.filled).toBe(1);
    expect('rows' in asRows).toBe(true);
    const rows = (asRows as { rows: ResultRows }).rows;
    const expected = resultRows((asObject as { result: MatchResult }).result);
    const withoutTime = ({ stats: { solveMs, ...stats }, ...rest }: ResultRows) => ({ ...rest, stats });
    expect(withoutTime(rows)).toEqual(withoutTime(expected));
    expect(JSON.parse(rows.proposals)).toEqual([expect.objectContaining({ leave_gap_id: 'v1', seeker_id: 's1' })]);
    expect(asObject.timings?.solve).toBe(1);
    expect(asRows.timings?.solve).toBe(2);
    expect(Object.keys(asRows.timings!.phases)).toEqual(['decode', 'parse', 'validate', 'match', 'encode']);
    expect(Object.keys(asObject.timings!.phases)).toEqual(['decode', 'parse', 'validate', 'match']);
    expect(asRows.timings!.engineMs).toBe(rows.stats.solveMs);
    expect(asRows.timings!.wallMs).toBeGreaterThanOrEqual(0);
    if (linux) expect(asRows.timings!.cpuMs).toBeGreaterThanOrEqual(0);
  });

  it('reports an invalid instance with its problems, and times the steps it took', async () => {
    worker = startSolverWorker();
    await nextMessage<SolverReady>(worker);
    const replied = nextMessage<SolveReply>(worker);
    worker.postMessage({ id: 7, instanceJson: JSON.stringify({ vacancies: [{}], seekers: [] }), options: {}, validate: true, replyAsRows: true } satisfies SolveRequest);
    const reply = await replied;

    expect(reply.id).toBe(7);
    expect('invalid' in reply && reply.invalid).toContain('vacancies[0].id: required');
    expect(Object.keys(reply.timings!.phases)).toEqual(['decode', 'parse', 'validate']);
  });
});

describe('solver thread memory', () => {
  let worker: Worker | undefined;

  afterEach(async () => {
    await worker?.terminate();
    worker = undefined;
  });

  // An idle thread allocates nothing, so V8 would never collect a solve's garbage on its own.
  it("collects the solve's garbage after each reply", async () => {
    worker = startSolverWorker();
    await nextMessage<SolverReady>(worker);
    // Whitespace is valid JSON: the same empty instance, with 32 MB of text to decode and drop.
    const padding = 32 * 2 ** 20;
    const instance = new TextEncoder().encode(EMPTY_INSTANCE + ' '.repeat(padding));
    const collected = nextMessage<SolverCollected>(worker, (message) => 'collected' in message);
    const replied = nextMessage<SolveReply>(worker);
    worker.postMessage({ id: 1, instanceJson: instance, options: {}, validate: true } satisfies SolveRequest);

    expect('result' in (await replied)).toBe(true);
    const { heapUsedBefore, heapUsedAfter } = (await collected).collected;
    expect(heapUsedBefore - heapUsedAfter).toBeGreaterThan(padding / 2);
  });
});

describe('solveNice', () => {
  const policy = { nice: 10, niceAbovePairs: 10_000_000 };

  it('solves a regional run at normal priority and a national one niced', () => {
    expect(solveNice({ vacancies: 500, seekers: 5_000 }, policy)).toBe(0);
    expect(solveNice({ vacancies: 5_000, seekers: 50_000 }, policy)).toBe(10);
  });

  it('nices a run only above the threshold, and every run with threshold 0', () => {
    expect(solveNice({ vacancies: 1_000, seekers: 10_000 }, policy)).toBe(0);
    expect(solveNice({ vacancies: 1_000, seekers: 10_001 }, policy)).toBe(10);
    expect(solveNice({ vacancies: 1, seekers: 1 }, { nice: 10, niceAbovePairs: 0 })).toBe(10);
    expect(solveNice({ vacancies: 0, seekers: 0 }, { nice: 10, niceAbovePairs: 0 })).toBe(0);
  });
});
