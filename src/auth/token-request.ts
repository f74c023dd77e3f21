import { isUUID } from 'class-validator';
import type { Principal } from './principal';

export const TOKEN_USAGE =
  'usage: npm run --silent token -- --role coordinator|firm|seeker [--firm FIRM_ID] [--seeker SEEKER_ID] [--subject NAME] [--ttl SECONDS]';

export class TokenUsageError extends Error {}

export interface TokenRequest {
  principal: Principal;
  /** Undefined: the configured JWT_TTL_SECONDS. */
  ttlSeconds?: number;
}

/** Reads the command line of `npm run token`; a TokenUsageError says what is wrong. */
export function parseTokenRequest(argv: readonly string[]): TokenRequest {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (!['--role', '--firm', '--seeker', '--subject', '--ttl'].includes(flag)) throw new TokenUsageError(`unknown option ${flag}`);
    if (value === undefined || value.startsWith('--')) throw new TokenUsageError(`${flag} needs a value`);
    flags.set(flag, value);
  }
  const role = flags.get('--role');
  const firmId = flags.get('--firm');
  const seekerId = flags.get('--seeker');
  const ttl = flags.get('--ttl');
  if (ttl !== undefined && !/^[1-9]\d{0,7}$/.test(ttl)) throw new TokenUsageError('--ttl needs a positive number of seconds');
  const ttlSeconds = ttl === undefined ? undefined : Number(ttl);
  const subject = flags.get('--subject');

  switch (role) {
    case 'coordinator':
      if (firmId !== undefined || seekerId !== undefined) throw new TokenUsageError('a coordinator token names no firm or seeker');
      return { principal: { role, subject: subject ?? 'coordinator' }, ttlSeconds };
    case 'firm':
      if (!isUUID(firmId) || seekerId !== undefined) throw new TokenUsageError('--role firm needs --firm FIRM_ID (a uuid)');
      return { principal: { role, subject: subject ?? `firm:${firmId}`, firmId: firmId as string }, ttlSeconds };
    case 'seeker':
      if (!isUUID(seekerId) || firmId !== undefined) throw new TokenUsageError('--role seeker needs --seeker SEEKER_ID (a uuid)');
      return { principal: { role, subject: subject ?? `seeker:${seekerId}`, seekerId: seekerId as string }, ttlSeconds };
    default:
      throw new TokenUsageError('--role must be coordinator, firm or seeker');
  }
}
