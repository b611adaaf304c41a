/**
 * The floor of what storing these events costs: 100 rows per INSERT, one
 * connection, one statement after another, nothing decided or awarded.
 */
import pg from "pg";
import { insertBatch } from "../db/batch-insert.js";
import { expectStored, withMigratedDatabase } from "../db/migrated-database.js";
import { referenceKey } from "../report/results-table.js";
import { chunk } from "../support/concurrently.js";
import {
  type BenchContext,
  repeat,
  type Scenario,
  throughputRow,
  timed,
} from "./scenario.js";

export const reference: Scenario = {
  key: "reference",
  name: "reference: INSERT 100 rows/statement, 1 connection",
  async run(context) {
    const durations = await repeat(context.runs, () => insertOnce(context));
    return [throughputRow(context, referenceKey, this.name, durations)];
  },
};

function insertOnce(context: BenchContext): Promise<number> {
  const batches = chunk(context.submissions, 100);
  return withMigratedDatabase(
    context.target.serverUrl,
    async ({ url, pool }) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const ms = await timed(async () => {
          for (const batch of batches) {
            await insertBatch(client, batch);
          }
        });
        await expectStored(pool, context.workload.events);
        return ms;
      } finally {
        await client.end();
      }
    },
  );
}
