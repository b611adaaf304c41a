/**
 * The service as deployed, fed over HTTP: `serve` runs in its own process
 * and 64 clients in this one submit single events or batches; the clock
 * stops when the award consumer has passed the last event.
 */
import pg from "pg";
import { pickFreePort } from "../../src/store/embedded/free-port.js";
import { expectAwardCounts } from "../db/award-counts.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import { figure } from "../report/result-row.js";
import {
  requireBuiltService,
  spawnService,
  stopService,
  whileRunning,
} from "../service/child.js";
import { postEvents, waitUntilReady } from "../service/http-client.js";
import { chunk, forEachConcurrently } from "../support/concurrently.js";
import { perSecond, summarize } from "../support/stats.js";
import {
  type BenchContext,
  repeat,
  type Scenario,
  throughputRow,
} from "./scenario.js";
import { catchUpLimitMs } from "./service-ingest.js";

const clients = 64;

interface RunTimes {
  ingestMs: number;
  totalMs: number;
}

export function httpIngest(submissionSize: number): Scenario {
  const shape =
    submissionSize === 1 ? "single events" : `batches of ${submissionSize}`;
  return {
    key: `http-${submissionSize}`,
    name: `HTTP API: ${shape}, ${clients} clients, service process`,
    async run(context) {
      requireBuiltService();
      const times = await repeat(context.runs, () =>
        runOnce(context, submissionSize),
      );
      const row = throughputRow(
        context,
        this.key,
        this.name,
        times.map((t) => t.totalMs),
      );
      const ingest = summarize(
        times.map((t) => perSecond(context.workload.events, t.ingestMs)),
      );
      row.figures = [figure("ingest alone", ingest.median, "events/s")];
      return [row];
    },
  };
}

function runOnce(
  context: BenchContext,
  submissionSize: number,
): Promise<RunTimes> {
  const submissions = chunk(context.submissions, submissionSize);
  return withFreshDatabase(context.target.serverUrl, async (url) => {
    const port = await pickFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const child = spawnService({ databaseUrl: url, port });
    try {
      await whileRunning(child, waitUntilReady(baseUrl));
      const started = performance.now();
      await whileRunning(
        child,
        forEachConcurrently(submissions, clients, (envelopes) =>
          postEvents(baseUrl, envelopes),
        ),
      );
      const ingested = performance.now();
      await whileRunning(
        child,
        waitUntilCaughtUp(pool, catchUpLimitMs(context)),
      );
      const done = performance.now();
      await expectAwardCounts(pool, context.expectedAwards);
      return { ingestMs: ingested - started, totalMs: done - started };
    } finally {
      await stopService(child);
      await pool.end();
    }
  });
}
