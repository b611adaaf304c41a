/**
 * `npm run bench`: measures the service against a plain batched INSERT and
 * against the original sketch's design on the same workload and server,
 * prints a table and writes the results as JSON. Timings are reported,
 * never judged; the exit code is non-zero only for a crash or a wrong result.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { openTarget, type TargetName } from "./db/targets.js";
import {
  describeMachine,
  describeServer,
  machineLines,
  type ServerSettings,
  serverLine,
} from "./machine.js";
import type { ResultRow } from "./report/result-row.js";
import { resultsTable } from "./report/results-table.js";
import { scenarios } from "./scenarios/index.js";
import type { BenchContext, Scenario } from "./scenarios/scenario.js";
import { profileServicesInto } from "./service/child.js";
import { allSubmissions, expectedAwards, workloadOf } from "./workload.js";

interface BenchOptions {
  quick: boolean;
  events?: number;
  out?: string;
  only?: string[];
  cpuProfiles?: string;
  target: "server" | "embedded" | "both";
}

const options = new Command()
  .name("bench")
  .option("--quick", "10,000 events and one run per measurement", false)
  .option(
    "--events <n>",
    "events in the workload (default 100000)",
    positiveWhole,
  )
  .option("--out <file>", "where to write the results as JSON")
  .option(
    "--cpu-profiles <dir>",
    "write a CPU profile of each service process into this folder",
  )
  .addOption(
    new Option("--only <keys...>", "measure only these scenarios").choices(
      scenarios.map((scenario) => scenario.key),
    ),
  )
  .addOption(
    new Option("--target <target>", "server to measure on")
      .choices(["server", "embedded", "both"])
      .default("both"),
  )
  .parse()
  .opts<BenchOptions>();

if (options.cpuProfiles) {
  profileServicesInto(resolve(options.cpuProfiles));
}

const machine = await describeMachine();
console.log(machineLines(machine).join("\n"));

const events = options.events ?? (options.quick ? 10_000 : 100_000);
const workload = workloadOf(events);
const shared = {
  workload,
  submissions: allSubmissions(workload),
  expectedAwards: expectedAwards(workload).size,
  runs: options.quick ? 1 : 3,
  quick: options.quick,
};
console.log(
  `workload: ${events} submissions of ${workload.learners} learners, ` +
    `${shared.expectedAwards} awards expected, ${shared.runs} run(s) each`,
);

const chosenScenarios = scenarios.filter(
  (scenario) => !options.only || options.only.includes(scenario.key),
);
const rows: ResultRow[] = [];
const servers: Partial<Record<TargetName, ServerSettings>> = {};
for (const name of targetNames(options.target)) {
  rows.push(...(await measureTarget(name)));
}

console.log(`\n${resultsTable(rows)}`);
const out = options.out ?? join(tmpdir(), `edupulse-bench-${Date.now()}.json`);
await writeFile(
  out,
  `${JSON.stringify({ options, machine, servers, workload, rows }, null, 2)}\n`,
);
console.log(`\nresults: ${out}`);
process.exitCode = rows.some((row) => row.failed) ? 1 : 0;

async function measureTarget(name: TargetName): Promise<ResultRow[]> {
  const measured: ResultRow[] = [];
  try {
    const target = await openTarget(name);
    try {
      servers[name] = await describeServer(target.serverUrl);
      console.log(serverLine(name, servers[name]));
      for (const scenario of chosenScenarios) {
        measured.push(...(await measure(scenario, { ...shared, target })));
      }
    } finally {
      await target.release();
    }
  } catch (error) {
    measured.push(failedRow(name, "target", error));
  }
  return measured;
}

async function measure(
  scenario: Scenario,
  context: BenchContext,
): Promise<ResultRow[]> {
  console.error(`[${context.target.name}] ${scenario.name}`);
  try {
    return await scenario.run(context);
  } catch (error) {
    console.error(error);
    return [failedRow(context.target.name, scenario.name, error)];
  }
}

function failedRow(target: string, measurement: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    target,
    key: "failed",
    measurement,
    note: `FAILED: ${reason}`,
    failed: true,
  };
}

function targetNames(choice: BenchOptions["target"]): TargetName[] {
  return choice === "both" ? ["server", "embedded"] : [choice];
}

function positiveWhole(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError("must be a positive whole number");
  }
  return parsed;
}
