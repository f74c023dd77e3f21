/** SQLSTATE and constraint of a driver error; never its message or detail (they quote values). */
export function describeDriverError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown error';
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const parts = [typeof code === 'string' ? `code ${code}` : (error as Error).name ?? 'error'];
  if (typeof constraint === 'string') parts.push(`constraint ${constraint}`);
  return parts.join(', ');
}
