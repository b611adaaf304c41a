/**
 * Ingest and read-back of events: one envelope, a batch, and paged reads
 * of the store for services that rebuild their own read models.
 */
import { fromWireEnvelope } from "../../domain/envelope-codec.js";
import type { Envelope } from "../../domain/events.js";
import { wireEnvelope } from "../../domain/wire-schema.js";
import { assertIngestible } from "../../ingest/ingestible.js";
import type {
  AppendResult,
  Cursor,
  StoredRecord,
} from "../../store/stored-event.js";
import { streamStart } from "../../store/stored-event.js";
import type { Api, ApiLimits, ApiParts } from "../api-parts.js";
import { HttpProblem } from "../problem.js";
import {
  appendResult,
  batchBody,
  batchResult,
  eventsPage,
  eventsQuery,
  problemResponses,
} from "../schemas.js";

const tags = ["events"];
const security = [{ bearer: [] }];

export function eventRoutes(
  app: Api,
  parts: ApiParts,
  limits: ApiLimits,
): void {
  app.post(
    "/v1/events",
    {
      onRequest: parts.access.require("events:write"),
      schema: {
        summary: "Submit one event; answered once it is committed",
        tags,
        security,
        body: wireEnvelope,
        response: {
          202: appendResult,
          ...problemResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const envelope = fromWireEnvelope(request.body);
      assertIngestible(envelope);
      const [result] = await ingest(parts, [envelope]);
      if (!result) {
        throw new Error("the store answered no result for the event");
      }
      return reply.code(202).send(result);
    },
  );

  app.post(
    "/v1/events/batch",
    {
      onRequest: parts.access.require("events:write"),
      schema: {
        summary: `Submit up to ${limits.batchMaxEvents} events in one transaction`,
        description: "All events are validated before any is stored.",
        tags,
        security,
        body: batchBody(limits.batchMaxEvents),
        response: {
          202: batchResult,
          ...problemResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const envelopes = request.body.events.map(fromWireEnvelope);
      envelopes.forEach((envelope, index) => {
        assertIngestible(envelope, `events[${index}].event.type`);
      });
      const results = await ingest(parts, envelopes);
      return reply.code(202).send({ results });
    },
  );

  app.get(
    "/v1/events",
    {
      onRequest: parts.access.require("events:read"),
      schema: {
        summary: "Read stored events after a global position",
        tags,
        security,
        querystring: eventsQuery,
        response: {
          200: eventsPage,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { type, after, limit } = request.query;
      const cursor = await cursorAfter(parts, after);
      const records = await parts.store.readForward(cursor, {
        limit,
        ...(type ? { types: [type] } : {}),
      });
      return {
        events: records.map(toStoredEvent),
        next_after: records.at(-1)?.cursor.position ?? after,
      };
    },
  );
}

async function ingest(
  parts: ApiParts,
  envelopes: Envelope[],
): Promise<AppendResult[]> {
  const results = await parts.ingest.append(envelopes);
  parts.metrics.ingested(
    envelopes.filter((_, i) => !results[i]?.duplicate).map((e) => e.event.type),
  );
  return results;
}

/** The reading cursor just past the event at a global position. */
export async function cursorAfter(
  parts: ApiParts,
  position: number,
  field = "after",
): Promise<Cursor> {
  if (position === 0) {
    return streamStart;
  }
  const cursor = await parts.store.cursorAt(position);
  if (!cursor) {
    throw new HttpProblem(
      400,
      "INVALID_REQUEST",
      `${field}: no event is stored at position ${position}`,
      [{ field, reason: "names no stored event" }],
    );
  }
  return cursor;
}

function toStoredEvent(record: StoredRecord) {
  return {
    position: record.cursor.position,
    id: record.id,
    occurred_at: record.occurredAt.toISOString(),
    recorded_at: record.recordedAt.toISOString(),
    event: record.payload,
  };
}
