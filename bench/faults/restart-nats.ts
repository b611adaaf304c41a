/**
 * A NATS outage under a service fed through JetStream: a private
 * nats-server, JetStream on disk, is stopped and started again on the same
 * port and folder several times, each time right after a burst of
 * submissions, while an upstream publishes the workload to the ingest
 * subject, retrying each publish until JetStream acknowledges it. The
 * service is expected to reconnect on its own, store each acknowledged
 * event once, award as always, and relay each award to the badges stream
 * once.
 */
import type pg from "pg";
import { delay } from "../../src/support/delay.js";
import {
  type PrivateNatsServer,
  privateNatsServer,
} from "../../test/support/private-nats-server.js";
import { waitUntilConsumerStarted } from "../db/consumer-started.js";
import {
  countStored,
  type MigratedDatabase,
  withMigratedDatabase,
} from "../db/migrated-database.js";
import {
  type ServiceChild,
  spawnService,
  stopService,
} from "../service/child.js";
import {
  type RunNamespace,
  withNatsNamespace,
} from "../service/nats-namespace.js";
import { SeededRandom } from "../support/random.js";
import type { Submission, Workload } from "../workload.js";
import { steadyAndBursts } from "./bursts.js";
import type { FaultReport } from "./fault-report.js";
import { NatsPublisher } from "./nats-publisher.js";
import { appendPaced } from "./paced-appender.js";
import { openServiceLog } from "./service-log.js";
import { waitOrReport } from "./settle.js";
import { settleOnNats } from "./settle-on-nats.js";

/** Up for a while, then down for a second or two, each time. */
const upMs = [500, 2000] as const;
const downMs = [1000, 2000] as const;
/** Long enough for every restart to land while events still arrive. */
const publishMsPerRestart = 4000;

interface NatsRun {
  server: PrivateNatsServer;
  child: ServiceChild;
  nats: RunNamespace;
  publisher: NatsPublisher;
  pool: pg.Pool;
  workload: Workload;
}

interface RunOutcome {
  violations: string[];
  retries: number;
  /** Events acknowledged but not yet stored at each stop. */
  inHand: number[];
}

export async function restartNatsMidRun(
  serverUrl: string,
  workload: Workload,
  restarts: number,
): Promise<FaultReport> {
  const server = await privateNatsServer();
  const log = await openServiceLog("nats");
  try {
    const { outcome, repeats } = await withMigratedDatabase(
      serverUrl,
      (database) => runOn(server, database, workload, restarts, log.fd),
    );
    return {
      fault: "NATS server stopped mid-run, started again after 1-2 s",
      injected:
        `${outcome.inHand.length} restart(s) (events acked, not yet stored ` +
        `at each: ${outcome.inHand.join(", ")}), ${outcome.retries} ` +
        `publish batches retried, ${repeats} repeats dropped by id`,
      events: workload.events,
      violations: outcome.violations,
      serviceLog: log.path,
    };
  } finally {
    await log.close();
    await server.remove();
  }
}

function runOn(
  server: PrivateNatsServer,
  { url, pool }: MigratedDatabase,
  workload: Workload,
  restarts: number,
  outputFd: number,
): Promise<{ outcome: RunOutcome; repeats: number }> {
  return withNatsNamespace(async (nats) => {
    const child = spawnService({
      databaseUrl: url,
      outputFd,
      nats: nats.settings,
    });
    try {
      const publisher = new NatsPublisher(nats);
      const run = { server, child, nats, publisher, pool, workload };
      const outcome = await publishThroughRestarts(run, restarts);
      if (outcome.violations.length === 0) {
        outcome.violations = await settleOnNats({
          ...run,
          acked: publisher.acked,
        });
      }
      return { outcome, repeats: publisher.repeats };
    } finally {
      await stopService(child);
    }
  }, server.url);
}

async function publishThroughRestarts(
  run: NatsRun,
  restarts: number,
): Promise<RunOutcome> {
  const outcome: RunOutcome = { violations: [], retries: 0, inHand: [] };
  const publishing = async () => {
    // The award consumer starts after the streams are declared.
    await waitUntilConsumerStarted(run.pool);
    const { steady, bursts } = steadyAndBursts(run.workload, restarts);
    const [published, burstRetries] = await Promise.all([
      appendPaced(run.publisher, steady, restarts * publishMsPerRestart),
      restartAfterBursts(run, bursts, outcome.inHand),
    ]);
    outcome.retries = published.retries + burstRetries;
  };
  outcome.violations = await waitOrReport(
    run.child,
    publishing(),
    "the run did not get through the restarts",
  );
  return outcome;
}

/** Returns how many burst batches had to be published again. */
async function restartAfterBursts(
  run: NatsRun,
  bursts: readonly Submission[][][],
  inHand: number[],
): Promise<number> {
  const random = new SeededRandom(run.workload.seed ^ 0x4a75);
  let retries = 0;
  for (const burst of bursts) {
    await delay(random.between(...upMs));
    retries += (await appendPaced(run.publisher, burst, 0)).retries;
    const stored = await countStored(run.pool, "QuizSubmitted");
    inHand.push(Math.max(0, run.publisher.acked.size - stored));
    await run.server.stop();
    await delay(random.between(...downMs));
    await run.server.start();
  }
  return retries;
}
