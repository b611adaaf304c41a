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
    reason: z.string(),
    rule: z.object({
      kind: z.literal("score"),
      operator: z.enum([">=", ">", "=="]),
      value: z.number(),
    }),
  })
  .meta({ id: "Badge" });

export const catalogResponse = z.object({ badges: z.array(catalogBadge) });

export const eventsQuery = z.object({
  type: z.string().min(1).optional().describe("Only events of this type."),
  after: z.coerce
    .number({ error: "must be a global position" })
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be at least 0" })
    .default(0)
    .describe(
      "Global position of the last event already read; 0 for the start.",
    ),
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
  after: eventsQuery.shape.after.optional(),
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
