/** Builders of events for tests. */
import { randomUUID } from "node:crypto";
import type { Envelope } from "../../src/domain/events.js";

export function quizSubmitted(
  learnerId: string,
  score: number,
  overrides: Partial<Pick<Envelope, "id" | "occurredAt">> = {},
): Envelope<"QuizSubmitted"> {
  return {
    id: overrides.id ?? randomUUID(),
    occurredAt: overrides.occurredAt ?? new Date(),
    event: {
      type: "QuizSubmitted",
      payload: { quizId: randomUUID(), learnerId, score },
    },
  };
}

export function answerAccepted(
  learnerId: string,
  occurredAt: Date = new Date(),
): Envelope<"AnswerAccepted"> {
  return {
    id: randomUUID(),
    occurredAt,
    event: {
      type: "AnswerAccepted",
      payload: {
        answerId: randomUUID(),
        questionId: randomUUID(),
        learnerId,
        acceptedBy: randomUUID(),
      },
    },
  };
}
