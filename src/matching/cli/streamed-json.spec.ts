import { PassThrough } from 'node:stream';
import { writeJsonStreamed } from './streamed-json';

async function written(value: unknown, stillInTime?: () => boolean): Promise<{ complete: boolean; text: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const complete = await writeJsonStreamed(out, value, stillInTime);
  out.end();
  return { complete, text: Buffer.concat(chunks).toString('utf8') };
}

describe('writeJsonStreamed', () => {
  it('writes what JSON.stringify would, member by member', async () => {
    const value = {
      assignments: Array.from({ length: 5_000 }, (_, index) => ({ vacancyId: `v-${index}`, seekerId: `s-${index}`, score: index / 3 })),
      unfilled: [],
      empty: {},
      nested: { deeper: { deepest: { list: [1, null, 'x'] } } },
      skipped: undefined,
      text: '따옴표 "quoted" \n',
    };
    const { complete, text } = await written(value);
    expect(complete).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('stops when the time is up and says so', async () => {
    let flushes = 0;
    const value = { pairs: Array.from({ length: 50_000 }, (_, index) => ({ index, padding: 'x'.repeat(20) })) };
    const { complete, text } = await written(value, () => ++flushes < 3);
    expect(complete).toBe(false);
    expect(() => JSON.parse(text)).toThrow();
  });
});
