/**
 * The wire format of DESIGN.md (snake_case JSON) as schemas. Parsing with
 * them is the only way data from outside becomes a domain event.
 */
import { z } from "zod";

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
  { quiz_id: id, learner_id: id, score },
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

export const payloadSchemas = {
  QuizSubmitted: quizSubmittedPayload,
  BadgeAwarded: badgeAwardedPayload,
} as const;

export const envelopeHeader = z.object({
  id,
  occurred_at: timestamp,
  event: z.object(
    {
      type: z.string({ error: unless("must be a string") }),
      payload: z.unknown().refine((value) => value !== undefined, {
        error: "is required",
      }),
    },
    { error: unless("must be an object with type and payload") },
  ),
});

export interface WireEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface WireEnvelope {
  id: string;
  occurred_at: string;
  event: WireEvent;
}
