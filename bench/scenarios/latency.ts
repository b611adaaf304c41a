/**
 * Latency at a steady offered load: each submission is a qualifying score of
 * a learner never seen before, so each earns exactly one award, and the
 * time from submitting it to the BadgeAwarded event reaching a subscriber
 * is one sample. The first seconds at the same rate are not sampled: they
 * open the pool's connections and compile the hot paths, once per process.
 */
import { randomUUID } from "node:crypto";
import type { BadgeService } from "../../src/service.js";
import { delay } from "../../src/support/delay.js";
import { WrongResultError } from "../db/award-counts.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import { figure } from "../report/result-row.js";
import { startInProcessService } from "../service/in-process.js";
import { offerAtRate } from "../support/pacer.js";
import { percentile } from "../support/stats.js";
import type { Submission } from "../workload.js";
import type { BenchContext, Scenario } from "./scenario.js";
import { repeat } from "./scenario.js";

const offeredPerSecond = 2000;
const deliveryLimitMs = 30_000;
const warmUpMs = 2000;

interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

export const latency: Scenario = {
  key: "latency",
  name: `latency at ${offeredPerSecond} events/s: submit to BadgeAwarded delivered`,
  async run(context) {
    const runs = await repeat(context.runs, () => measureOnce(context));
    const median = (pick: (p: Percentiles) => number) =>
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

function measureOnce(context: BenchContext): Promise<Percentiles> {
  return withFreshDatabase(context.target.serverUrl, async (url) => {
    const service = await startInProcessService(url);
    try {
      const samples = await offerAndCollect(service, context.quick);
      return percentiles(samples);
    } finally {
      await service.stop();
    }
  });
}

async function offerAndCollect(
  service: BadgeService,
  quick: boolean,
): Promise<number[]> {
  const submittedAt = new Map<string, number>();
  const samples: number[] = [];
  const subscription = await service.dispatcher.subscribe(
    "BadgeAwarded",
    ({ envelope }) => {
      const started = submittedAt.get(envelope.event.payload.learnerId);
      if (started !== undefined) {
        samples.push(performance.now() - started);
      }
    },
  );
  try {
    const failures: unknown[] = [];
    const offerAt = (sampled: boolean) => () => {
      const submission = qualifyingSubmission();
      if (sampled) {
        submittedAt.set(submission.event.payload.learnerId, performance.now());
      }
      service.ingest
        .append([submission])
        .catch((error) => failures.push(error));
    };
    await offerAtRate({
      perSecond: offeredPerSecond,
      durationMs: warmUpMs,
      offer: offerAt(false),
    });
    const offered = await offerAtRate({
      perSecond: offeredPerSecond,
      durationMs: quick ? 2000 : 10_000,
      offer: offerAt(true),
    });
    await waitForSamples(samples, offered, failures);
    return samples;
  } finally {
    await subscription.close();
  }
}

async function waitForSamples(
  samples: readonly number[],
  expected: number,
  failures: readonly unknown[],
): Promise<void> {
  const deadline = Date.now() + deliveryLimitMs;
  while (samples.length < expected && failures.length === 0) {
    if (Date.now() > deadline) {
      throw new WrongResultError(
        `${samples.length} of ${expected} awards delivered within ` +
          `${deliveryLimitMs / 1000} s`,
      );
    }
    await delay(10);
  }
  if (failures.length > 0) {
    throw failures[0];
  }
}

function qualifyingSubmission(): Submission {
  return {
    id: randomUUID(),
    occurredAt: new Date(),
    event: {
      type: "QuizSubmitted",
      payload: { quizId: randomUUID(), learnerId: randomUUID(), score: 95 },
    },
  };
}

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
