import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { waitUntilBlockedBy } from './wait-for-lock';

/**
 * Sends `request` while a confirmation holds the gap row (as confirm does), then lets that
 * confirmation fill the gap and commit first; answers the request's response.
 */
export async function whileConfirming(
  dataSource: DataSource,
  gapId: string,
  seekerId: string,
  request: () => PromiseLike<Response>,
): Promise<Response> {
  const confirming = dataSource.createQueryRunner();
  await confirming.connect();
  await confirming.startTransaction();
  try {
    await confirming.query(`SELECT id FROM leave_gaps WHERE id = $1 FOR UPDATE`, [gapId]);
    let answeredEarly: string | undefined;
    const pending = Promise.resolve(request()).then((response) => {
      answeredEarly = `${response.status} ${JSON.stringify(response.body)}`;
      return response;
    });
    await waitUntilBlockedBy(confirming, 30_000, () => answeredEarly);
    await confirming.query(
      `INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT $1, id, daterange(placement_start, placement_end, '[]') FROM leave_gaps WHERE id = $2`,
      [seekerId, gapId],
    );
    await confirming.query(`UPDATE leave_gaps SET status = 'filled' WHERE id = $1`, [gapId]);
    await confirming.commitTransaction();
    return await pending;
  } finally {
    if (confirming.isTransactionActive) await confirming.rollbackTransaction();
    await confirming.release();
  }
}
