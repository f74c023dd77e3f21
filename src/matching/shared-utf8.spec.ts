import { SharedUtf8Builder } from './shared-utf8';

const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('UTF-8 text built in shared memory', () => {
  it('holds text and bytes appended past its first allocation, in shared memory', () => {
    const builder = new SharedUtf8Builder();
    const parts: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const part = `{"id":${i},"이름":"홍길동 ${i}"},`;
      parts.push(part);
      if (i % 2 === 0) builder.appendText(part);
      else builder.appendBytes(Buffer.from(part, 'utf8'));
    }
    const bytes = builder.bytes();
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(bytes.byteLength).toBe(Buffer.byteLength(parts.join('')));
    expect(bytes.byteLength).toBeGreaterThan(64 * 1024);
    expect(decode(bytes)).toBe(parts.join(''));
  });

  it('gives views that later appends leave as they were', () => {
    const builder = new SharedUtf8Builder();
    builder.appendText('[1');
    const early = builder.bytes();
    builder.appendText(',2]'.repeat(30_000));
    expect(decode(early)).toBe('[1');
    expect(builder.byteLength).toBe(2 + 3 * 30_000);
  });
});
