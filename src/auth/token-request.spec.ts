import { TokenUsageError, parseTokenRequest } from './token-request';

const ID = '0b6c3f5e-2d7a-4c1b-9e8f-6a5d4c3b2a19';

describe('npm run token arguments', () => {
  it('reads each role with its binding', () => {
    expect(parseTokenRequest(['--role', 'coordinator'])).toEqual({ principal: { role: 'coordinator', subject: 'coordinator' } });
    expect(parseTokenRequest(['--role', 'firm', '--firm', ID])).toEqual({
      principal: { role: 'firm', subject: `firm:${ID}`, firmId: ID },
    });
    expect(parseTokenRequest(['--role', 'seeker', '--seeker', ID, '--subject', 'kim', '--ttl', '600'])).toEqual({
      principal: { role: 'seeker', subject: 'kim', seekerId: ID },
      ttlSeconds: 600,
    });
  });

  it.each([
    [[]],
    [['--role', 'admin']],
    [['--role', 'firm']],
    [['--role', 'firm', '--firm', '42']],
    [['--role', 'seeker', '--firm', ID]],
    [['--role', 'coordinator', '--firm', ID]],
    [['--role', 'coordinator', '--ttl', '-5']],
    [['--role']],
    [['--rol', 'coordinator']],
  ])('refuses %p', (argv) => {
    expect(() => parseTokenRequest(argv)).toThrow(TokenUsageError);
  });
});
