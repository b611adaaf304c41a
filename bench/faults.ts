/**
 * `npm run faults`: injects the faults the service must survive (kill -9 of
 * its process, a PostgreSQL restart, NATS restarts under ingest through
 * JetStream) while submissions keep arriving, then checks in SQL, and on
 * NATS, that every guarantee still holds. Exits non-zero on any violation.
 */
import { rm } from "node:fs/promises";
import { Command } from "commander";
import { localServerUrl } from "./db/targets.js";
import type { FaultReport } from "./faults/fault-report.js";
import { faultsTable } from "./faults/faults-table.js";
import { killServiceRepeatedly } from "./faults/kill-service.js";
import { restartNatsMidRun } from "./faults/restart-nats.js";
import { restartPostgresMidRun } from "./faults/restart-postgres.js";
import { requireBuiltService } from "./service/child.js";
import { workloadOf } from "./workload.js";

interface FaultOptions {
  quick: boolean;
}

const options = new Command()
  .name("faults")
  .option("--quick", "20,000 events, 5 kills, 3 restarts of each server", false)
  .parse()
  .opts<FaultOptions>();

requireBuiltService();
const workload = workloadOf(options.quick ? 20_000 : 200_000);
const kills = options.quick ? 5 : 20;
const restarts = options.quick ? 3 : 5;
const serverUrl = process.env.DATABASE_URL || localServerUrl;

const reports: FaultReport[] = [];
reports.push(
  await attempt("kill -9 of the service process", () =>
    killServiceRepeatedly(serverUrl, workload, kills),
  ),
);
reports.push(
  await attempt("PostgreSQL restart mid-run", () =>
    restartPostgresMidRun(workload, {
      restarts,
      appendMs: restarts * 3000,
    }),
  ),
);
reports.push(
  await attempt("NATS restarts under JetStream ingest", () =>
    restartNatsMidRun(serverUrl, workload, restarts),
  ),
);

console.log(faultsTable(reports));
const failed = reports.some((report) => report.violations.length > 0);
await removeLogsOfCleanRuns(reports);
process.exitCode = failed ? 1 : 0;

async function attempt(
  fault: string,
  inject: () => Promise<FaultReport>,
): Promise<FaultReport> {
  console.error(`injecting: ${fault}`);
  const started = performance.now();
  try {
    return await inject();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      fault,
      injected: "crashed",
      events: workload.events,
      violations: [`the fault run itself failed: ${reason}`],
    };
  } finally {
    const seconds = (performance.now() - started) / 1000;
    console.error(`  ${fault}: ${seconds.toFixed(1)} s`);
  }
}

async function removeLogsOfCleanRuns(all: FaultReport[]): Promise<void> {
  for (const report of all) {
    if (report.violations.length === 0 && report.serviceLog) {
      await rm(report.serviceLog, { force: true });
    }
  }
}
