/**
 * One learner's event histories for rule-engine tests, and a driver that
 * feeds them through `applyFact` the way the consumer does: one fact at a
 * time, in store order, against a single progress map.
 */
import type {
  Badge,
  Catalog,
  RevocationPolicy,
} from "../../src/domain/catalog.js";
import type { Envelope } from "../../src/domain/events.js";
import { factOf } from "../../src/domain/rule-engine/fact.js";
import {
  applyFact,
  type BadgeChange,
  type LearnerProgress,
} from "../../src/domain/rule-engine/learner-progress.js";
import type { Rule } from "../../src/domain/rule-engine/rule.js";

export const learnerId = "9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b";
export const peerId = "4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

export const quizIds = {
  algebra: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  geometry: "16fd2706-8baf-433b-82eb-8c7fada847da",
} as const;

export const courseIds = {
  maths: "5e0c4b1a-0000-4000-8000-00000000a1ba",
  physics: "5e0c4b1a-0000-4000-8000-0000000000f1",
} as const;

/** Fixed, so that rules about time only see the times a test gives. */
const defaultAt = "2024-06-03T12:00:00Z";

/** A distinct uuid per number; readable in failure output. */
export function uuidOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

let issued = 0;

export interface Stamp {
  id?: string;
  at?: string | Date;
}

function stamped(stamp: Stamp): { id: string; occurredAt: Date } {
  issued += 1;
  return {
    id: stamp.id ?? uuidOf(issued),
    occurredAt: new Date(stamp.at ?? defaultAt),
  };
}

export function submitted(
  score: number,
  options: Stamp & { quiz?: string; course?: string } = {},
): Envelope<"QuizSubmitted"> {
  return {
    ...stamped(options),
    event: {
      type: "QuizSubmitted",
      payload: {
        quizId: options.quiz ?? quizIds.algebra,
        learnerId,
        score,
        ...(options.course === undefined ? {} : { courseId: options.course }),
      },
    },
  };
}

/** A new score for an earlier submission, about the same quiz and course. */
export function corrected(
  submission: Envelope<"QuizSubmitted">,
  score: number,
  options: Stamp = {},
): Envelope<"QuizScoreCorrected"> {
  const { quizId, courseId } = submission.event.payload;
  return {
    ...stamped(options),
    event: {
      type: "QuizScoreCorrected",
      payload: {
        submissionId: submission.id,
        quizId,
        learnerId,
        score,
        ...(courseId === undefined ? {} : { courseId }),
      },
    },
  };
}

export function lesson(
  options: Stamp & { course?: string } = {},
): Envelope<"LessonCompleted"> {
  const { id, occurredAt } = stamped(options);
  return {
    id,
    occurredAt,
    event: {
      type: "LessonCompleted",
      payload: {
        lessonId: uuidOf(issued + 0x100000),
        learnerId,
        ...(options.course === undefined ? {} : { courseId: options.course }),
      },
    },
  };
}

export function accepted(options: Stamp = {}): Envelope<"AnswerAccepted"> {
  const { id, occurredAt } = stamped(options);
  return {
    id,
    occurredAt,
    event: {
      type: "AnswerAccepted",
      payload: {
        answerId: uuidOf(issued + 0x200000),
        questionId: uuidOf(issued + 0x300000),
        learnerId,
        acceptedBy: peerId,
      },
    },
  };
}

export function badge(
  id: string,
  rule: Rule,
  revocation: RevocationPolicy = "never",
): Badge {
  return {
    id,
    name: id,
    description: `Badge ${id}.`,
    criteria: `Meet the rule of ${id}.`,
    reason: `Earned ${id}.`,
    version: 1,
    revocation,
    rule,
  };
}

export interface Replay {
  progress: LearnerProgress;
  /** The changes of each event, in the order the events were applied. */
  steps: BadgeChange[][];
}

export function replay(
  catalog: Catalog,
  history: readonly Envelope[],
  progress: LearnerProgress = new Map(),
): Replay {
  const steps = history.map((envelope) =>
    applyFact(catalog, progress, factOf(envelope)),
  );
  return { progress, steps };
}

/** Each step as "award <badge>" / "revoke <badge>" lines. */
export function summary(steps: readonly BadgeChange[][]): string[][] {
  return steps.map((changes) =>
    changes.map((change) => `${change.kind} ${change.badge.id}`),
  );
}

export function heldBadges(progress: LearnerProgress): string[] {
  return [...progress]
    .filter(([, entry]) => entry.held)
    .map(([badgeId]) => badgeId)
    .sort();
}

export function awardsOf(steps: readonly BadgeChange[][]): BadgeChange[] {
  return steps.flat().filter((change) => change.kind === "award");
}
