import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** The shortest password an account may have (the API answers 400 on `password` otherwise). */
export const MIN_PASSWORD_LENGTH = 10;
/** Hashing cost grows with the input: a cap keeps a megabyte "password" from being a cheap attack. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1.
 * `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated-module builds cannot import).
 */
const ARGON2ID_OWASP = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OWASP);
}

/** Compared against when no account matches, so that a wrong email costs as much time as a wrong password. */
let unmatchableHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    unmatchableHash ??= hashPassword(randomBytes(32).toString('base64url'));
    await verify(await unmatchableHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A password for `npm run user:create` without --password: 20 characters, 120 random bits. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Emails are compared and stored lower-case (RFC 5321 allows case-sensitive local parts; nobody relies on it). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
