/**
 * Tells how far a service in another process has come: its consumer's
 * first act is to create its checkpoint row, after migrations and
 * connections; the row moves once the first batch is committed.
 */
import type pg from "pg";
import { delay } from "../../src/support/delay.js";
import { awardConsumerName } from "./caught-up.js";

export function waitUntilConsumerStarted(
  db: pg.Pool,
  timeoutMs = 30_000,
): Promise<void> {
  return waitForCheckpoint(db, (position) => position >= 0, timeoutMs);
}

/** Resolves once the consumer committed a batch past `beyond`. */
export function waitUntilConsumerProgressed(
  db: pg.Pool,
  beyond: number,
  timeoutMs = 30_000,
): Promise<void> {
  return waitForCheckpoint(db, (position) => position > beyond, timeoutMs);
}

async function waitForCheckpoint(
  db: pg.Pool,
  reached: (position: number) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const position = await checkpointPosition(db);
    if (position !== undefined && reached(position)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the award consumer did not get going in ${timeoutMs} ms`,
      );
    }
    await delay(10);
  }
}

export async function checkpointPosition(
  db: pg.Pool,
): Promise<number | undefined> {
  try {
    const { rows } = await db.query<{ global_position: string }>(
      "SELECT global_position FROM consumer_checkpoints WHERE consumer = $1",
      [awardConsumerName],
    );
    return rows[0] ? Number(rows[0].global_position) : undefined;
  } catch {
    // The table appears with the service's migrations.
    return undefined;
  }
}
