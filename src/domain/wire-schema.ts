/**
 * The wire format of DESIGN.md (snake_case JSON) as schemas. Parsing with
 * them is the only way data from outside becomes a domain event.
 */
import { z } from "zod";
import { eventTypes } from "./events.js";

/** A reason for a bad value, and a plainer one for a missing value. */
const unless = (reason: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? "is required" : reason;

/** Any 8-4-4-4-12 hex id: the sketch's badge ids are not RFC 9562 uuids. */
const id = z
  .guid({ error: unless("must be a uuid") })
  .transform((value) => value.toLowerCase());

const timestamp = z.iso
  .datetime({
    offset: true,
    error: unless("must be an RFC 3339 timestamp with a time zone"),
  })
  .transform((value) => new Date(value));

const score = z
  .number({ error: unless("must be a finite number") })
  .min(0, { error: "must be at least 0" })
  .max(100, { error: "must be at most 100" });

const payloadObject = { error: unless("must be an object") };

export const quizSubmittedPayload = z.object(
  { quiz_id: id, learner_id: id, score, course_id: id.optional() },
  payloadObject,
);

export const quizScoreCorrectedPayload = z.object(
  {
    submission_id: id,
    quiz_id: id,
    learner_id: id,
    score,
    course_id: id.optional(),
  },
  payloadObject,
);

export const lessonCompletedPayload = z.object(
  { lesson_id: id, learner_id: id, course_id: id.optional() },
  payloadObject,
);

export const answerAcceptedPayload = z.object(
  { answer_id: id, question_id: id, learner_id: id, accepted_by: id },
  payloadObject,
);

export const badgeAwardedPayload = z.object(
  {
    badge_id: id,
    learner_id: id,
    awarded_at: timestamp,
    reason: z
      .string({ error: unless("must be a string") })
      .min(1, { error: "must not be empty" }),
  },
  payloadObject,
);

export const badgeRevokedPayload = z.object(
  {
    badge_id: id,
    learner_id: id,
    revoked_at: timestamp,
    reason: z
      .string({ error: unless("must be a string") })
      .min(1, { error: "must not be empty" }),
  },
  payloadObject,
);

const eventOf = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload }, eventObject);

const eventObject = {
  error: unless("must be an object with type and payload"),
};

/** Names the known types when the discriminator matches none of them. */
function unknownType(issue: { input: unknown }): string {
  if (issue.input === null || typeof issue.input !== "object") {
    return issue.input === undefined
      ? "is required"
      : "must be an object with type and payload";
  }
  const type = (issue.input as { type?: unknown }).type;
  if (type === undefined) {
    return "is required";
  }
  if (typeof type !== "string") {
    return "must be a string";
  }
  return `unknown event type ${JSON.stringify(type)}; expected one of ${eventTypes.join(", ")}`;
}

/** Payload schemas by event type, for rules that name event fields. */
export const payloadSchemas = {
  QuizSubmitted: quizSubmittedPayload,
  QuizScoreCorrected: quizScoreCorrectedPayload,
  LessonCompleted: lessonCompletedPayload,
  AnswerAccepted: answerAcceptedPayload,
  BadgeAwarded: badgeAwardedPayload,
  BadgeRevoked: badgeRevokedPayload,
} as const;

export const wireEvent = z
  .discriminatedUnion(
    "type",
    [
      eventOf("QuizSubmitted", quizSubmittedPayload),
      eventOf("QuizScoreCorrected", quizScoreCorrectedPayload),
      eventOf("LessonCompleted", lessonCompletedPayload),
      eventOf("AnswerAccepted", answerAcceptedPayload),
      eventOf("BadgeAwarded", badgeAwardedPayload),
      eventOf("BadgeRevoked", badgeRevokedPayload),
    ],
    { error: unknownType },
  )
  .meta({ id: "Event", description: "A domain event: its type and payload." });

export const wireEnvelope = z
  .object({ id, occurred_at: timestamp, event: wireEvent }, eventObject)
  .meta({
    id: "Envelope",
    description: "An event with its id and the time it occurred.",
  });

export type DecodedWireEnvelope = z.output<typeof wireEnvelope>;
export type DecodedWireEvent = z.output<typeof wireEvent>;

export interface WireEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface WireEnvelope {
  id: string;
  occurred_at: string;
  event: WireEvent;
}
