/**
 * The schemas of the HTTP API. Requests are validated with them and the
 * OpenAPI document is generated from them, so the two cannot drift apart.
 */
import { z } from "zod";
import { wireEnvelope } from "../domain/wire-schema.js";

export const uuidParam = z
  .guid({ error: "must be a uuid" })
  .transform((value) => value.toLowerCase());

export const appendResult = z
  .object({
    id: z.string(),
    position: z.number().int(),
    duplicate: z
      .boolean()
      .describe("An event with this id was stored before; nothing was added."),
  })
  .meta({ id: "AppendResult" });

export const batchBody = (maxEvents: number) =>
  z.object({
    events: z
      .array(wireEnvelope)
      .min(1, { error: "must hold at least one event" })
      .max(maxEvents, { error: `must hold at most ${maxEvents} events` }),
  });

export const batchResult = z.object({ results: z.array(appendResult) });

export const heldBadge = z
  .object({
    badge_id: z.string(),
    name: z.string(),
    reason: z.string(),
    awarded_at: z.string().describe("RFC 3339"),
    trigger_event_id: z
      .string()
      .nullable()
      .describe("The event that earned it."),
  })
  .meta({ id: "HeldBadge" });

export const learnerBadges = z.object({
  learner_id: z.string(),
  badges: z.array(heldBadge),
});

export const catalogBadge = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    criteria: z.string(),
    reason: z.string(),
    image: z.string().optional(),
    version: z.number().int(),
    revocation: z.enum(["never", "revoke", "revoke-and-reaward"]),
    rule: z
      .record(z.string(), z.unknown())
      .describe("The rule as written in the catalog file."),
  })
  .meta({ id: "Badge" });

export const catalogResponse = z.object({ badges: z.array(catalogBadge) });

const position = z.coerce
  .number({ error: "must be a global position" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "must be at least 0" })
  .describe("Global position of the last event already read; 0 for the start.");

export const eventsQuery = z.object({
  type: z.string().min(1).optional().describe("Only events of this type."),
  after: position.default(0),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(1000, { error: "must be at most 1000" })
    .default(100),
});

export const storedEvent = z
  .object({
    position: z.number().int(),
    id: z.string(),
    occurred_at: z.string(),
    recorded_at: z.string(),
    event: z.unknown().describe("The event object as stored: {type, payload}."),
  })
  .meta({ id: "StoredEvent" });

export const eventsPage = z.object({
  events: z.array(storedEvent),
  next_after: z
    .number()
    .int()
    .describe("Pass as `after` to read on; pages follow commit order."),
});

export const streamQuery = z.object({
  after: position.optional(),
  learner_id: uuidParam.optional().describe("Only this learner's awards."),
});

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), reason: z.string() }))
      .optional(),
  })
  .meta({ id: "Problem" });

const problemStatuses = {
  400: "The request is malformed or invalid; `errors` names each field.",
  401: "No valid bearer token.",
  403: "The token lacks the scope.",
  413: "The body is larger than the limit.",
  415: "The body is not JSON.",
  503: "Not ready.",
} as const;

/** Error answers of a route, documented as RFC 9457 problem documents. */
export function problemResponses(
  ...statuses: (keyof typeof problemStatuses)[]
) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemStatuses[status],
        content: { "application/problem+json": { schema: problem } },
      },
    ]),
  );
}

export const eventStream = {
  description:
    "BadgeAwarded events: `id:` global position, `event:` type, `data:` envelope JSON.",
  content: { "text/event-stream": { schema: z.string() } },
};

export const explanation = z
  .object({
    learner_id: z.string(),
    badge_id: z.string(),
    name: z.string(),
    held: z.boolean(),
    rule: z.object({ kind: z.string(), version: z.number().int() }),
    award: z
      .object({
        awarded_at: z.string(),
        reason: z.string(),
        trigger_event_id: z.string().nullable(),
        rule_version: z.number().int().nullable(),
        evidence: z.unknown(),
      })
      .optional(),
    progress: z.unknown(),
  })
  .meta({ id: "Explanation" });
