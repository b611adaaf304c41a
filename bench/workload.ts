/**
 * The benchmark workload: quiz submissions of a fixed set of learners, from
 * a seed, with about 20% of scores at 90 or above and 3% exactly 100. The
 * awards it must produce follow from the catalog's own rules.
 */
import { defaultCatalog } from "../src/domain/catalog.js";
import type { Envelope } from "../src/domain/events.js";
import { badgesEarned } from "../src/domain/rules.js";
import { awardKey } from "../src/store/learner-badges.js";
import { SeededRandom } from "./support/random.js";

export interface Workload {
  events: number;
  learners: number;
  seed: number;
}

export type Submission = Envelope<"QuizSubmitted">;

const firstOccurrence = Date.UTC(2026, 0, 1);

export function workloadOf(events: number, seed = 20_260_101): Workload {
  return { events, learners: 2000, seed };
}

/** The submissions in order, `size` at a time, without holding them all. */
export function* submissionBatches(
  workload: Workload,
  size: number,
): Generator<Submission[]> {
  const random = new SeededRandom(workload.seed);
  const learnerIds = learnersOf(workload);
  const quizIds = Array.from({ length: 50 }, () => random.uuid());
  for (let start = 0; start < workload.events; start += size) {
    const end = Math.min(start + size, workload.events);
    const batch: Submission[] = [];
    for (let index = start; index < end; index += 1) {
      batch.push(submission(random, index, learnerIds, quizIds));
    }
    yield batch;
  }
}

export function allSubmissions(workload: Workload): Submission[] {
  return [...submissionBatches(workload, 10_000)].flat();
}

/** Every (learner, badge) pair the workload earns, as `awardKey`s. */
export function expectedAwards(workload: Workload): Set<string> {
  const keys = new Set<string>();
  for (const batch of submissionBatches(workload, 10_000)) {
    for (const { event } of batch) {
      for (const badge of badgesEarned(defaultCatalog, event.payload)) {
        keys.add(awardKey(event.payload.learnerId, badge.id));
      }
    }
  }
  return keys;
}

function learnersOf(workload: Workload): string[] {
  const random = new SeededRandom(workload.seed ^ 0x5eed);
  return Array.from({ length: workload.learners }, () => random.uuid());
}

function submission(
  random: SeededRandom,
  index: number,
  learnerIds: readonly string[],
  quizIds: readonly string[],
): Submission {
  const id = random.uuid();
  const learnerId = learnerIds[random.between(0, learnerIds.length)] ?? "";
  const quizId = quizIds[random.between(0, quizIds.length)] ?? "";
  return {
    id,
    occurredAt: new Date(firstOccurrence + index),
    event: {
      type: "QuizSubmitted",
      payload: { quizId, learnerId, score: score(random) },
    },
  };
}

/** 3% perfect, 17% in [90, 100), the rest below 90; hundredths throughout. */
function score(random: SeededRandom): number {
  const band = random.next();
  if (band < 0.03) {
    return 100;
  }
  if (band < 0.2) {
    return 90 + random.between(0, 1000) / 100;
  }
  return random.between(0, 9000) / 100;
}
