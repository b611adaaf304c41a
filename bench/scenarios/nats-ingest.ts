/**
 * The service as deployed, fed through JetStream: `serve` runs in its own
 * process on a namespace of the run's own, and this process publishes the
 * submissions on the ingest subject as another service would. The clock
 * stops when the award consumer has passed the last event; "publish alone"
 * ends when JetStream has acknowledged every publish, "ingest alone" when
 * the service has stored and acknowledged every message.
 */
import { expectAwardCounts } from "../db/award-counts.js";
import { waitUntilCaughtUp } from "../db/caught-up.js";
import { expectStored } from "../db/migrated-database.js";
import { whileRunning } from "../service/child.js";
import {
  pubAckWindow,
  publishEvents,
  waitUntilIngested,
} from "../service/jetstream-client.js";
import { withNatsNamespace } from "../service/nats-namespace.js";
import { withReadyService } from "../service/ready-service.js";
import {
  type BenchContext,
  catchUpLimitMs,
  type StagedTimes,
  stagedScenario,
} from "./scenario.js";

export const natsIngest = stagedScenario(
  "nats",
  `NATS JetStream: ${pubAckWindow} publishes in flight, service process`,
  runOnce,
);

function runOnce(context: BenchContext): Promise<StagedTimes> {
  const limitMs = catchUpLimitMs(context);
  return withNatsNamespace((nats) =>
    withReadyService(
      context.target.serverUrl,
      { nats: nats.settings },
      async ({ child, pool }) => {
        const started = performance.now();
        await whileRunning(child, publishEvents(nats, context.submissions));
        const published = performance.now();
        await whileRunning(child, waitUntilIngested(nats, limitMs));
        const ingested = performance.now();
        await whileRunning(child, waitUntilCaughtUp(pool, limitMs));
        const done = performance.now();
        await expectStored(pool, context.workload.events);
        await expectAwardCounts(pool, context.expectedAwards);
        return {
          totalMs: done - started,
          stagesMs: {
            "publish alone": published - started,
            "ingest alone": ingested - started,
          },
        };
      },
    ),
  );
}
