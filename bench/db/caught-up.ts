/**
 * Waits until the award consumer has passed every stored event. A cheap
 * look at the checkpoint against the newest event comes first, because the
 * exact count scans the whole store and would slow the run it measures.
 */
import type pg from "pg";
import { followUpTypes } from "../../src/domain/events.js";
import { consumerLag } from "../../src/store/checkpoints.js";
import { delay } from "../../src/support/delay.js";

export const awardConsumerName = "badge-awards";

const checkpointAtNewest = `
SELECT (c.transaction_id, c.global_position)
         >= (e.transaction_id, e.global_position) AS caught_up
FROM consumer_checkpoints c,
     LATERAL (SELECT transaction_id, global_position FROM event_store
              WHERE event_name <> 'BadgeAwarded'
              ORDER BY transaction_id DESC, global_position DESC
              LIMIT 1) e
WHERE c.consumer = $1`;

export async function isCaughtUp(
  db: pg.Pool,
  consumer = awardConsumerName,
): Promise<boolean> {
  const { rows } = await db.query<{ caught_up: boolean }>(checkpointAtNewest, [
    consumer,
  ]);
  if (rows[0]?.caught_up !== true) {
    return false;
  }
  return (await consumerLag(db, consumer, followUpTypes)).events === 0;
}

export async function waitUntilCaughtUp(
  db: pg.Pool,
  timeoutMs: number,
  pollMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isCaughtUp(db).catch(() => false))) {
    if (Date.now() > deadline) {
      const behind = await consumerLag(db, awardConsumerName, followUpTypes)
        .then((lag) => lag.events)
        .catch(() => Number.NaN);
      throw new Error(
        `award consumer did not catch up within ${timeoutMs / 1000} s ` +
          `(${behind} events behind)`,
      );
    }
    await delay(pollMs);
  }
}
