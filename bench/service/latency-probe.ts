/**
 * One latency run, in a process of its own: the service in this process on
 * a fresh database, fed at a steady rate through its ingest path, with a
 * BadgeAwarded subscriber timing each award. It holds nothing but what it
 * measures, so the benchmark's workload in the parent's heap costs it no
 * garbage collection. Prints the samples' percentiles as JSON.
 *
 * Each sample is split at the moment the ingest path acknowledges the
 * submission, committed: what comes before is the ingest commit, what comes
 * after is reading, awarding and delivering.
 *
 * Each submission is a qualifying score of a learner never seen before, so
 * each earns exactly one award. The first seconds at the same rate are not
 * sampled: they open the pool's connections and compile the hot paths.
 */
import { randomUUID } from "node:crypto";
import type { BadgeService } from "../../src/service.js";
import { delay } from "../../src/support/delay.js";
import { WrongResultError } from "../db/award-counts.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import { offerAtRate } from "../support/pacer.js";
import { percentile } from "../support/stats.js";
import type { Submission } from "../workload.js";
import { startInProcessService } from "./in-process.js";

export interface LatencyPercentiles {
  p50: number;
  p99: number;
  max: number;
}

export interface LatencyRun {
  /** Submit to BadgeAwarded delivered. */
  delivered: LatencyPercentiles;
  /** Submit to the ingest path's acknowledgement, committed. */
  stored: LatencyPercentiles;
}

interface Samples {
  delivered: number[];
  stored: number[];
}

export interface LatencyProbeSettings {
  serverUrl: string;
  perSecond: number;
  sampledMs: number;
}

const warmUpMs = 2000;
const deliveryLimitMs = 30_000;

export function measureLatency(
  settings: LatencyProbeSettings,
): Promise<LatencyRun> {
  return withFreshDatabase(settings.serverUrl, async (url) => {
    const service = await startInProcessService(url);
    try {
      const samples = await offerAndCollect(service, settings);
      return {
        delivered: percentiles(samples.delivered),
        stored: percentiles(samples.stored),
      };
    } finally {
      await service.stop();
    }
  });
}

async function offerAndCollect(
  service: BadgeService,
  settings: LatencyProbeSettings,
): Promise<Samples> {
  const submittedAt = new Map<string, number>();
  const samples: Samples = { delivered: [], stored: [] };
  const subscription = await service.dispatcher.subscribe(
    "BadgeAwarded",
    ({ envelope }) => {
      const started = submittedAt.get(envelope.event.payload.learnerId);
      if (started !== undefined) {
        samples.delivered.push(performance.now() - started);
      }
    },
  );
  try {
    const failures: unknown[] = [];
    const offerAt = (sampled: boolean) => () => {
      const submission = qualifyingSubmission();
      const started = performance.now();
      if (sampled) {
        submittedAt.set(submission.event.payload.learnerId, started);
      }
      service.ingest.append([submission]).then(
        () => sampled && samples.stored.push(performance.now() - started),
        (error) => failures.push(error),
      );
    };
    await offerAtRate({
      perSecond: settings.perSecond,
      durationMs: warmUpMs,
      offer: offerAt(false),
    });
    const offered = await offerAtRate({
      perSecond: settings.perSecond,
      durationMs: settings.sampledMs,
      offer: offerAt(true),
    });
    await waitForSamples(samples.delivered, offered, failures);
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

function percentiles(samples: readonly number[]): LatencyPercentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const settings = JSON.parse(process.argv[2] ?? "") as LatencyProbeSettings;
  process.stdout.write(`${JSON.stringify(await measureLatency(settings))}\n`);
}
