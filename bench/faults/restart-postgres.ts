/**
 * A PostgreSQL restart under a running service: the server is stopped
 * while the consumer works through a backlog of half the events, as soon
 * as it has committed its first batch, and started again on the same
 * port and data folder a second later, while submissions keep arriving and
 * are retried until stored. The service is expected to reconnect on its
 * own; nothing here helps it.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { followUpTypes } from "../../src/domain/events.js";
import { consumerLag } from "../../src/store/checkpoints.js";
import {
  type EmbeddedServer,
  startEmbeddedServer,
} from "../../src/store/embedded/embedded-server.js";
import { pickFreePort } from "../../src/store/embedded/free-port.js";
import { delay } from "../../src/support/delay.js";
import { awardConsumerName } from "../db/caught-up.js";
import {
  checkpointPosition,
  waitUntilConsumerProgressed,
  waitUntilConsumerStarted,
} from "../db/consumer-started.js";
import { withMigratedDatabase } from "../db/migrated-database.js";
import {
  type ServiceChild,
  spawnService,
  stopService,
  whileRunning,
} from "../service/child.js";
import { silentLogger } from "../support/silent-logger.js";
import type { Submission, Workload } from "../workload.js";
import { steadyAndBursts } from "./bursts.js";
import type { FaultReport } from "./fault-report.js";
import { openHarnessStore } from "./harness-store.js";
import { appendPaced } from "./paced-appender.js";
import { openServiceLog } from "./service-log.js";
import { settleAndCheck } from "./settle.js";

const downMs = 1000;

export interface RestartPlan {
  restarts: number;
  /** Time over which the steadily arriving half of the events is spread. */
  appendMs: number;
}

interface ServerPlace {
  dataDir: string;
  port: number;
}

interface Restartable {
  current: EmbeddedServer;
  readonly place: ServerPlace;
}

interface RunOutcome extends Pick<FaultReport, "violations" | "serviceLog"> {
  restarts: number;
  retries: number;
  /** Events the consumer had still to process at each stop. */
  unprocessed: number[];
}

export async function restartPostgresMidRun(
  workload: Workload,
  plan: RestartPlan,
): Promise<FaultReport> {
  const place = await serverPlace();
  const server: Restartable = { current: await startServer(place), place };
  try {
    const outcome = await runAgainst(server, workload, plan);
    return {
      fault: "PostgreSQL stopped mid-run, started again after 1 s",
      injected:
        `${outcome.restarts} restart(s) (events unprocessed at each: ` +
        `${outcome.unprocessed.join(", ")}), ${outcome.retries} appends retried`,
      events: workload.events,
      violations: outcome.violations,
      ...(outcome.serviceLog ? { serviceLog: outcome.serviceLog } : {}),
    };
  } finally {
    await server.current.stop();
    await rm(place.dataDir, { recursive: true, force: true });
  }
}

/** Bursts before each restart keep the consumer busy when it strikes. */
function runAgainst(
  server: Restartable,
  workload: Workload,
  plan: RestartPlan,
): Promise<RunOutcome> {
  const { steady, bursts } = steadyAndBursts(workload, plan.restarts);
  return withMigratedDatabase(server.current.url, async ({ url, pool }) => {
    const log = await openServiceLog("restart");
    const harness = openHarnessStore(url);
    const child = spawnService({ databaseUrl: url, outputFd: log.fd });
    try {
      await whileRunning(child, waitUntilConsumerStarted(pool));
      const appended = appendPaced(harness.store, steady, plan.appendMs);
      const unprocessed: number[] = [];
      const failure = await restartWhileBusy(server, child, {
        pool,
        bursts,
        append: (burst) => appendPaced(harness.store, burst, 0),
        unprocessed,
      });
      const { retries } = await appended;
      const violations = failure
        ? [failure]
        : await settleAndCheck(child, pool, workload, 90_000);
      return {
        violations,
        serviceLog: log.path,
        restarts: unprocessed.length,
        retries,
        unprocessed,
      };
    } finally {
      await stopService(child);
      await harness.close();
      await log.close();
    }
  });
}

interface RestartLoop {
  pool: pg.Pool;
  bursts: Submission[][][];
  append: (burst: Submission[][]) => Promise<unknown>;
  unprocessed: number[];
}

/** Says how the service failed, or nothing when it lived through them all. */
async function restartWhileBusy(
  server: Restartable,
  child: ServiceChild,
  loop: RestartLoop,
): Promise<string | undefined> {
  for (const burst of loop.bursts) {
    try {
      const before = (await checkpointPosition(loop.pool)) ?? 0;
      await loop.append(burst);
      await whileRunning(child, waitUntilConsumerProgressed(loop.pool, before));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return `the service did not survive restart ${loop.unprocessed.length}: ${reason}`;
    }
    loop.unprocessed.push(
      (await consumerLag(loop.pool, awardConsumerName, followUpTypes)).events,
    );
    await server.current.stop();
    await delay(downMs);
    server.current = await startServer(server.place);
  }
  return undefined;
}

async function serverPlace(): Promise<ServerPlace> {
  const dataDir = await mkdtemp(join(tmpdir(), "edupulse-faults-pg-"));
  // The server runs as the postgres OS user when we are root.
  await chmod(dataDir, 0o755);
  return { dataDir, port: await pickFreePort() };
}

function startServer(place: ServerPlace): Promise<EmbeddedServer> {
  return startEmbeddedServer({ ...place, logger: silentLogger });
}
