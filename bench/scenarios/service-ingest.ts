/**
 * The service end to end: submissions go in through its ingest path (the
 * group-commit appender), 64 submitters at a time, and the clock stops
 * when the award consumer has passed the last event and the awards match.
 */
import { expectAwardCounts } from "../db/award-counts.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import { figure } from "../report/result-row.js";
import { startInProcessService } from "../service/in-process.js";
import { chunk, forEachConcurrently } from "../support/concurrently.js";
import { perSecond, summarize } from "../support/stats.js";
import {
  type BenchContext,
  repeat,
  type Scenario,
  throughputRow,
} from "./scenario.js";

const submitters = 64;

interface RunTimes {
  ingestMs: number;
  totalMs: number;
}

export function serviceIngest(submissionSize: number): Scenario {
  const shape =
    submissionSize === 1 ? "single events" : `batches of ${submissionSize}`;
  return {
    key: `service-${submissionSize}`,
    name: `service: ${shape} via group commit, ${submitters} submitters`,
    async run(context) {
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
    const service = await startInProcessService(url);
    try {
      const started = performance.now();
      await forEachConcurrently(submissions, submitters, (envelopes) =>
        service.ingest.append(envelopes),
      );
      const ingested = performance.now();
      await waitUntilCaughtUp(service.database.pool, catchUpLimitMs(context));
      const done = performance.now();
      await expectAwardCounts(service.database.pool, context.expectedAwards);
      return { ingestMs: ingested - started, totalMs: done - started };
    } finally {
      await service.stop();
    }
  });
}

/** Generous: a stuck consumer must fail the run, a slow one must not. */
export function catchUpLimitMs(context: BenchContext): number {
  return Math.max(60_000, context.workload.events);
}
