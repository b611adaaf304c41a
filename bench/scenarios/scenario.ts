/**
 * A benchmark scenario measures one way of handling the workload on one
 * target and reports rows. The benchmark runs each in turn; adding a way of
 * ingesting (HTTP, NATS) is adding one more scenario to its list.
 */
import type { Target } from "../db/targets.js";
import { figure, type ResultRow } from "../report/result-row.js";
import { perSecond, summarize } from "../support/stats.js";
import type { Submission, Workload } from "../workload.js";

export interface BenchContext {
  target: Target;
  workload: Workload;
  submissions: readonly Submission[];
  /** Distinct (learner, badge) pairs the workload earns. */
  expectedAwards: number;
  /** Measured runs per measurement, each on a fresh database. */
  runs: number;
  quick: boolean;
}

export interface Scenario {
  /** Short name for `--only`, shared by the rows it reports. */
  key: string;
  /** Names the scenario in a failure row when it crashes. */
  name: string;
  run(context: BenchContext): Promise<ResultRow[]>;
}

export async function repeat<T>(
  runs: number,
  once: () => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) {
    results.push(await once());
  }
  return results;
}

/** Milliseconds taken by `work`, which must not include set-up. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export function throughputRow(
  context: BenchContext,
  key: string,
  measurement: string,
  durationsMs: readonly number[],
  events = context.workload.events,
): ResultRow {
  return {
    target: context.target.name,
    key,
    measurement,
    eventsPerSecond: summarize(durationsMs.map((ms) => perSecond(events, ms))),
  };
}

/** How long one run took, and how long it took to reach earlier points. */
export interface StagedTimes {
  /** Until the award consumer caught up. */
  totalMs: number;
  /** Until each earlier point, by the label of its figure. */
  stagesMs: Record<string, number>;
}

/** The throughput over whole runs, with the rate up to each stage beside it. */
export function stagedThroughputRow(
  context: BenchContext,
  key: string,
  measurement: string,
  runs: readonly StagedTimes[],
): ResultRow {
  const row = throughputRow(
    context,
    key,
    measurement,
    runs.map((run) => run.totalMs),
  );
  const labels = Object.keys(runs[0]?.stagesMs ?? {});
  row.figures = labels.map((label) => {
    const rates = runs.map((run) =>
      perSecond(context.workload.events, run.stagesMs[label] ?? Number.NaN),
    );
    return figure(label, summarize(rates).median, "events/s");
  });
  return row;
}

/** A scenario timed in stages, once per measured run. */
export function stagedScenario(
  key: string,
  name: string,
  runOnce: (context: BenchContext) => Promise<StagedTimes>,
): Scenario {
  return {
    key,
    name,
    async run(context) {
      const runs = await repeat(context.runs, () => runOnce(context));
      return [stagedThroughputRow(context, key, name, runs)];
    },
  };
}

/** How the workload is cut into submissions, for a scenario's name. */
export function submissionShape(submissionSize: number): string {
  return submissionSize === 1
    ? "single events"
    : `batches of ${submissionSize}`;
}

/** Generous: a stuck consumer must fail the run, a slow one must not. */
export function catchUpLimitMs(context: BenchContext): number {
  return Math.max(60_000, context.workload.events);
}
