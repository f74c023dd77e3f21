import { containsResidentNumber, findResidentNumber, maskResidentNumbers } from './resident-registration-number';

describe('resident registration numbers', () => {
  it.each(['900101-1234567', '9001011234567', '주민번호 000229-3123456 입니다', '851231-2000000', '010203-4123456', '900101-5234567'])(
    'finds %s',
    (text) => {
      expect(containsResidentNumber(text)).toBe(true);
    },
  );

  it.each([
    ['a phone number', '010-1234-5678'],
    ['an impossible month', '901301-1234567'],
    ['an impossible day', '900230-1234567'],
    ['29 February of a non-leap year', '010229-3123456'],
    ['a wrong sex digit', '900101-9234567'],
    ['too many digits', '19001011234567'],
    ['a business number', '1248100998'],
    ['a uuid', '5b1f9a2e-8c1d-4f3e-9a7b-200101412345'],
    ['a card-like number', '4111111111111111'],
  ])('does not flag %s', (_name, text) => {
    expect(containsResidentNumber(text)).toBe(false);
  });

  it('names the path of a nested value, a number or a key, never the value', () => {
    expect(findResidentNumber({ a: [{ b: 'x' }, { c: 'id 900101-1234567' }] })).toBe('a[1].c');
    expect(findResidentNumber({ n: 9001011234567 })).toBe('n');
    expect(findResidentNumber({ a: { '900101-1234567': true } })).toBe('a.[redacted]');
    expect(findResidentNumber({ phone: '010-1234-5678', note: 'ok' })).toBeUndefined();
  });

  it('masks numbers in text meant for logs', () => {
    expect(maskResidentNumbers('/api/v1/seekers/900101-1234567/x?y')).toBe('/api/v1/seekers/[redacted]/x?y');
    expect(maskResidentNumbers('010-1234-5678')).toBe('010-1234-5678');
  });
});
