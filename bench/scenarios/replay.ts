/**
 * Rebuilding the learner-badge read model: with the submissions stored and
 * processed once, the awards, their events, the progress and the checkpoint
 * are removed, and a fresh consumer is timed while it works through the store.
 */
import type pg from "pg";
import { expectAwardCounts } from "../db/award-counts.js";
import { loadBatches } from "../db/batch-insert.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { withMigratedDatabase } from "../db/migrated-database.js";
import { startInProcessService } from "../service/in-process.js";
import { chunk } from "../support/concurrently.js";
import {
  type BenchContext,
  catchUpLimitMs,
  repeat,
  type Scenario,
  throughputRow,
  timed,
} from "./scenario.js";

/*
 * Everything the consumer derived goes, progress included, and the table is
 * vacuumed: the store then holds what it held before the first pass.
 */
const resetReadModel = [
  "TRUNCATE learner_badges, learner_progress",
  "DELETE FROM consumer_checkpoints",
  "DELETE FROM event_store WHERE event_name = 'BadgeAwarded'",
  "VACUUM ANALYZE event_store",
];

export const replay: Scenario = {
  key: "replay",
  name: "replay: rebuild learner badges from the stored events",
  async run(context) {
    const durations = await repeat(context.runs, () => replayOnce(context));
    return [throughputRow(context, "replay", this.name, durations)];
  },
};

function replayOnce(context: BenchContext): Promise<number> {
  return withMigratedDatabase(
    context.target.serverUrl,
    async ({ url, pool }) => {
      await loadBatches(url, chunk(context.submissions, 100), 4);
      await catchUpOnce(context, url, pool);
      for (const statement of resetReadModel) {
        await pool.query(statement);
      }

      const ms = await timed(() => catchUpOnce(context, url, pool));
      await expectAwardCounts(pool, context.expectedAwards);
      return ms;
    },
  );
}

async function catchUpOnce(
  context: BenchContext,
  url: string,
  pool: pg.Pool,
): Promise<void> {
  const service = await startInProcessService(url);
  try {
    await waitUntilCaughtUp(pool, catchUpLimitMs(context));
  } finally {
    await service.stop();
  }
}
