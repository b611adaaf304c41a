/**
 * The service end to end: submissions go in through its ingest path (the
 * group-commit appender), 64 submitters at a time, and the clock stops
 * when the award consumer has passed the last event and the awards match.
 */
import { expectAwardCounts } from "../db/award-counts.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import { startInProcessService } from "../service/in-process.js";
import { chunk, forEachConcurrently } from "../support/concurrently.js";
import {
  type BenchContext,
  catchUpLimitMs,
  type Scenario,
  type StagedTimes,
  stagedScenario,
  submissionShape,
} from "./scenario.js";

const submitters = 64;

export function serviceIngest(submissionSize: number): Scenario {
  return stagedScenario(
    `service-${submissionSize}`,
    `service: ${submissionShape(submissionSize)} via group commit, ${submitters} submitters`,
    (context) => runOnce(context, submissionSize),
  );
}

function runOnce(
  context: BenchContext,
  submissionSize: number,
): Promise<StagedTimes> {
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
      return {
        totalMs: done - started,
        stagesMs: { "ingest alone": ingested - started },
      };
    } finally {
      await service.stop();
    }
  });
}
