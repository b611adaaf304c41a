/**
 * The sketch's design under the same workload: once on one connection, and
 * once with 8 workers, each on its own connection and owning the learners
 * that hash to it, so that its check-then-insert never races.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { expectAwardCounts } from "../db/award-counts.js";
import { withMigratedDatabase } from "../db/migrated-database.js";
import { sketchWorkersKey } from "../report/results-table.js";
import type { Submission } from "../workload.js";
import {
  type BenchContext,
  repeat,
  type Scenario,
  throughputRow,
  timed,
} from "./scenario.js";
import { handleLikeTheSketch } from "./sketch-award.js";

const workers = 8;

export const sketch: Scenario = {
  key: "sketch",
  name: "sketch design: per event, autocommit",
  async run(context) {
    const serial = await repeat(context.runs, () => runOnce(context, 1));
    const parallel = await repeat(context.runs, () =>
      runOnce(context, workers),
    );
    return [
      throughputRow(context, "sketch-1", `${this.name}, 1 connection`, serial),
      throughputRow(
        context,
        sketchWorkersKey,
        `${this.name}, ${workers} workers by learner`,
        parallel,
      ),
    ];
  },
};

function runOnce(context: BenchContext, shares: number): Promise<number> {
  const parts = partitionByLearner(context.submissions, shares);
  return withMigratedDatabase(
    context.target.serverUrl,
    async ({ url, pool }) => {
      const clients = await connectAll(url, shares);
      try {
        const ms = await timed(() =>
          Promise.all(clients.map((client, i) => handleAll(client, parts[i]))),
        );
        await expectAwardCounts(pool, context.expectedAwards);
        return ms;
      } finally {
        await Promise.all(clients.map((client) => client.end()));
      }
    },
  );
}

async function handleAll(
  client: pg.Client,
  submissions: readonly Submission[] = [],
): Promise<void> {
  for (const submission of submissions) {
    await handleLikeTheSketch(client, submission);
  }
}

function partitionByLearner(
  submissions: readonly Submission[],
  shares: number,
): Submission[][] {
  const parts = Array.from({ length: shares }, (): Submission[] => []);
  for (const submission of submissions) {
    const learnerId = submission.event.payload.learnerId;
    parts[hashOf(learnerId) % shares]?.push(submission);
  }
  return parts;
}

function hashOf(text: string): number {
  return createHash("md5").update(text).digest().readUInt32BE(0);
}

async function connectAll(url: string, count: number): Promise<pg.Client[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
}
