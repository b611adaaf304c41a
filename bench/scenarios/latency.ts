/**
 * Latency at a steady offered load, submit to BadgeAwarded delivered to a
 * subscriber. Each run is a process of its own (see the probe), so that
 * what the benchmark holds for other measurements does not weigh on it.
 */
import { figure } from "../report/result-row.js";
import type {
  LatencyPercentiles,
  LatencyProbeSettings,
  LatencyRun,
} from "../service/latency-probe.js";
import { runProbe } from "../service/probe-process.js";
import { percentile } from "../support/stats.js";
import type { BenchContext, Scenario } from "./scenario.js";
import { repeat } from "./scenario.js";

const offeredPerSecond = 2000;
const probe = new URL("../service/latency-probe.ts", import.meta.url);

export const latency: Scenario = {
  key: "latency",
  name: `latency at ${offeredPerSecond} events/s: submit to BadgeAwarded delivered`,
  async run(context) {
    const runs = await repeat(context.runs, () => measureOnce(context));
    const median = (pick: (run: LatencyRun) => number) =>
      percentile(
        runs.map(pick).sort((a, b) => a - b),
        50,
      );
    const percentiles = (pick: (run: LatencyRun) => LatencyPercentiles) => [
      figure(
        "p50",
        median((run) => pick(run).p50),
        "ms",
      ),
      figure(
        "p99",
        median((run) => pick(run).p99),
        "ms",
      ),
      figure("max", Math.max(...runs.map((run) => pick(run).max)), "ms"),
    ];
    return [
      {
        target: context.target.name,
        key: "latency",
        measurement: this.name,
        figures: percentiles((run) => run.delivered),
      },
      {
        target: context.target.name,
        key: "latency-stored",
        measurement: `latency at ${offeredPerSecond} events/s: submit to ingest acknowledged, committed`,
        figures: percentiles((run) => run.stored),
      },
    ];
  },
};

function measureOnce(context: BenchContext): Promise<LatencyRun> {
  const settings: LatencyProbeSettings = {
    serverUrl: context.target.serverUrl,
    perSecond: offeredPerSecond,
    sampledMs: context.quick ? 2000 : 10_000,
  };
  return runProbe(probe, settings);
}
