/**
 * The service as deployed, fed over HTTP: `serve` runs in its own process
 * and 64 clients in this one submit single events or batches; the clock
 * stops when the award consumer has passed the last event.
 */
import { expectAwardCounts } from "../db/award-counts.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { whileRunning } from "../service/child.js";
import { postEvents } from "../service/http-client.js";
import { withReadyService } from "../service/ready-service.js";
import { chunk, forEachConcurrently } from "../support/concurrently.js";
import {
  type BenchContext,
  catchUpLimitMs,
  type Scenario,
  type StagedTimes,
  stagedScenario,
  submissionShape,
} from "./scenario.js";

const clients = 64;

export function httpIngest(submissionSize: number): Scenario {
  return stagedScenario(
    `http-${submissionSize}`,
    `HTTP API: ${submissionShape(submissionSize)}, ${clients} clients, service process`,
    (context) => runOnce(context, submissionSize),
  );
}

function runOnce(
  context: BenchContext,
  submissionSize: number,
): Promise<StagedTimes> {
  const submissions = chunk(context.submissions, submissionSize);
  return withReadyService(
    context.target.serverUrl,
    {},
    async ({ child, baseUrl, pool }) => {
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
      return {
        totalMs: done - started,
        stagesMs: { "ingest alone": ingested - started },
      };
    },
  );
}
