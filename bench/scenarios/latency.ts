/**
 * Latency at a steady offered load, submit to BadgeAwarded delivered to a
 * subscriber. Each run is a process of its own (see the probe), so that
 * what the benchmark holds for other measurements does not weigh on it.
 */
import { figure } from "../report/result-row.js";
import type {
  LatencyPercentiles,
  LatencyProbeSettings,
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
    const median = (pick: (p: LatencyPercentiles) => number) =>
      percentile(
        runs.map(pick).sort((a, b) => a - b),
        50,
      );
    return [
      {
        target: context.target.name,
        key: "latency",
        measurement: this.name,
        figures: [
          figure(
            "p50",
            median((p) => p.p50),
            "ms",
          ),
          figure(
            "p99",
            median((p) => p.p99),
            "ms",
          ),
          figure("max", Math.max(...runs.map((p) => p.max)), "ms"),
        ],
      },
    ];
  },
};

function measureOnce(context: BenchContext): Promise<LatencyPercentiles> {
  const settings: LatencyProbeSettings = {
    serverUrl: context.target.serverUrl,
    perSecond: offeredPerSecond,
    sampledMs: context.quick ? 2000 : 10_000,
  };
  return runProbe(probe, settings);
}
