/**
 * kill -9 of the service process at random moments while submissions keep
 * arriving, each time restarting it at once; then the guarantees must hold
 * as if nothing had happened.
 */
import type pg from "pg";
import { delay } from "../../src/support/delay.js";
import { isCaughtUp } from "../db/caught-up.js";
import { withMigratedDatabase } from "../db/migrated-database.js";
import {
  type ServiceChild,
  spawnService,
  stopService,
} from "../service/child.js";
import { SeededRandom } from "../support/random.js";
import { submissionBatches, type Workload } from "../workload.js";
import type { FaultReport } from "./fault-report.js";
import { openHarnessStore } from "./harness-store.js";
import { appendPaced } from "./paced-appender.js";
import { openServiceLog, type ServiceLog } from "./service-log.js";
import { settleAndCheck } from "./settle.js";

const meanKillGapMs = 1000;

export function killServiceRepeatedly(
  serverUrl: string,
  workload: Workload,
  kills: number,
): Promise<FaultReport> {
  return withMigratedDatabase(serverUrl, async ({ url, pool }) => {
    const log = await openServiceLog("kill");
    const harness = openHarnessStore(url);
    const start = () => spawnService({ databaseUrl: url, outputFd: log.fd });
    const supervisor = { child: start() };
    try {
      const appended = appendPaced(
        harness.store,
        [...submissionBatches(workload, 100)],
        kills * meanKillGapMs * 1.1,
      );
      const busy = await killAtRandom(supervisor, {
        kills,
        start,
        pool,
        seed: workload.seed,
      });
      await appended;
      const violations = await settleAndCheck(
        supervisor.child,
        pool,
        workload,
        120_000,
      );
      return report(workload, { kills, busy }, violations, log);
    } finally {
      await stopService(supervisor.child);
      await harness.close();
      await log.close();
    }
  });
}

interface KillPlan {
  kills: number;
  start: () => ServiceChild;
  pool: pg.Pool;
  seed: number;
}

/** Returns how many kills found the consumer with events still to process. */
async function killAtRandom(
  supervisor: { child: ServiceChild },
  plan: KillPlan,
): Promise<number> {
  const random = new SeededRandom(plan.seed ^ 0xdead);
  let busy = 0;
  for (let kill = 0; kill < plan.kills; kill += 1) {
    await delay(random.between(meanKillGapMs / 4, (meanKillGapMs * 7) / 4));
    busy += (await isCaughtUp(plan.pool).catch(() => true)) ? 0 : 1;
    supervisor.child.kill("SIGKILL");
    await supervisor.child.exited;
    supervisor.child = plan.start();
  }
  return busy;
}

function report(
  workload: Workload,
  kills: { kills: number; busy: number },
  violations: string[],
  log: ServiceLog,
): FaultReport {
  return {
    fault: "kill -9 of the service process, restarted each time",
    injected: `${kills.kills} kills, ${kills.busy} with work in hand`,
    events: workload.events,
    violations,
    serviceLog: log.path,
  };
}
