/**
 * Resident memory of the service process as operators run it: idle on an
 * empty database, and at its peak while it works through a large backlog
 * of submissions stored before it started.
 */
import pg from "pg";
import { delay } from "../../src/support/delay.js";
import { expectAwardCounts } from "../db/award-counts.js";
import { loadBatches } from "../db/batch-insert.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { waitUntilConsumerStarted } from "../db/consumer-started.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import { withMigratedDatabase } from "../db/migrated-database.js";
import { figure, type ResultRow } from "../report/result-row.js";
import {
  requireBuiltService,
  spawnService,
  stopService,
  whileRunning,
} from "../service/child.js";
import { readMemoryStatus, sampleMemory } from "../service/memory-status.js";
import { perSecond, summarize } from "../support/stats.js";
import {
  expectedAwards,
  submissionBatches,
  type Workload,
  workloadOf,
} from "../workload.js";
import { type BenchContext, repeat, type Scenario } from "./scenario.js";

interface BacklogRun {
  peakMb: number;
  eventsPerSecond: number;
}

export const memory: Scenario = {
  key: "memory",
  name: "service process memory",
  async run(context) {
    requireBuiltService();
    const idle = await repeat(context.runs, () => idleOnce(context));
    const backlog = workloadOf(context.quick ? 100_000 : 1_000_000);
    const expected = expectedAwards(backlog).size;
    const runs = await repeat(context.runs, () =>
      backlogOnce(context, backlog, expected),
    );
    return [idleRow(context, idle), backlogRow(context, backlog, runs)];
  },
};

async function idleOnce(context: BenchContext): Promise<number> {
  return withFreshDatabase(context.target.serverUrl, async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const child = spawnService({ databaseUrl: url });
    try {
      await whileRunning(child, waitUntilConsumerStarted(pool));
      await delay(context.quick ? 1000 : 3000);
      return (await readMemoryStatus(child.pid)).rssMb;
    } finally {
      await stopService(child);
      await pool.end();
    }
  });
}

function backlogOnce(
  context: BenchContext,
  backlog: Workload,
  expected: number,
): Promise<BacklogRun> {
  return withMigratedDatabase(
    context.target.serverUrl,
    async ({ url, pool }) => {
      await loadBatches(url, submissionBatches(backlog, 100), 4);
      const child = spawnService({ databaseUrl: url });
      const sampler = sampleMemory(child.pid, 100);
      try {
        await whileRunning(child, waitUntilConsumerStarted(pool));
        const started = performance.now();
        const limitMs = Math.max(60_000, backlog.events);
        await whileRunning(child, waitUntilCaughtUp(pool, limitMs, 100));
        const ms = performance.now() - started;
        const final = await readMemoryStatus(child.pid);
        const peakMb = Math.max(final.peakMb, sampler.stop().peakMb);
        await expectAwardCounts(pool, expected);
        return { peakMb, eventsPerSecond: perSecond(backlog.events, ms) };
      } finally {
        sampler.stop();
        await stopService(child);
      }
    },
  );
}

function idleRow(context: BenchContext, rssMb: number[]): ResultRow {
  return {
    target: context.target.name,
    key: "memory-idle",
    measurement: "service process idle after start, empty database",
    figures: [figure("RSS", summarize(rssMb).median, "MB")],
  };
}

function backlogRow(
  context: BenchContext,
  backlog: Workload,
  runs: BacklogRun[],
): ResultRow {
  const peak = summarize(runs.map((run) => run.peakMb));
  return {
    target: context.target.name,
    key: "memory-backlog",
    measurement: `service process on a backlog of ${backlog.events.toLocaleString("en")} events`,
    eventsPerSecond: summarize(runs.map((run) => run.eventsPerSecond)),
    figures: [
      figure("peak RSS", peak.median, "MB"),
      figure("highest", peak.max, "MB"),
    ],
  };
}
