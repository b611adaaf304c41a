/**
 * The live award feed as Server-Sent Events. Each event's `id:` is its
 * global position, so a client that reconnects with Last-Event-ID gets
 * exactly what it missed. The feed reads from the store at the client's
 * pace; a client too slow to take the next event in time is dropped and
 * may resume, so the server never holds more than one page for it.
 */
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { encodeEnvelope } from "../../domain/envelope-codec.js";
import type { Cursor, StoredEvent } from "../../store/stored-event.js";
import type { Api, ApiLimits, ApiParts } from "../api-parts.js";
import { HttpProblem } from "../problem.js";
import { eventStream, problemResponses, streamQuery } from "../schemas.js";
import { cursorAfter } from "./events.js";

export function awardStreamRoutes(
  app: Api,
  parts: ApiParts,
  limits: ApiLimits,
): void {
  const open = new Set<ServerResponse>();
  app.addHook("preClose", async () => {
    for (const response of open) {
      response.end();
      // Ended, the connection would idle on in keep-alive; a client that
      // stopped reading is cut off by the server's close grace.
      response.socket?.end();
    }
  });

  app.get(
    "/v1/awards/stream",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "Live BadgeAwarded events as Server-Sent Events",
        description:
          "Resumes after the Last-Event-ID header or the `after` position; without either, starts with awards made from now on.",
        tags: ["badges"],
        security: [{ bearer: [] }],
        querystring: streamQuery,
        response: {
          200: eventStream,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const fromHeader = lastEventId(request.headers["last-event-id"]);
      const resumeAt = fromHeader ?? request.query.after;
      const cursor =
        resumeAt === undefined
          ? await parts.store.head()
          : await cursorAfter(
              parts,
              resumeAt,
              fromHeader === undefined ? "after" : "Last-Event-ID",
            );

      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      response.write(": connected\n\n");
      open.add(response);
      await feed(response, cursor, request.query.learner_id, parts, limits);
      open.delete(response);
    },
  );
}

function lastEventId(
  header: string | string[] | undefined,
): number | undefined {
  if (header === undefined) {
    return undefined;
  }
  const value = Array.isArray(header) ? header[0] : header;
  const position = Number(value);
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new HttpProblem(
      400,
      "INVALID_REQUEST",
      "Last-Event-ID must be a global position",
      [{ field: "Last-Event-ID", reason: "must be a global position" }],
    );
  }
  return position;
}

/** Streams until the client leaves, is too slow, or the server closes. */
async function feed(
  response: ServerResponse,
  after: Cursor,
  learnerId: string | undefined,
  parts: ApiParts,
  limits: ApiLimits,
): Promise<void> {
  const gone = new Promise<void>((resolve) => response.once("close", resolve));
  const heartbeat = setInterval(
    () => response.write(": heartbeat\n\n"),
    limits.heartbeatMs,
  );
  const subscription = await parts.feed.follow(
    "BadgeAwarded",
    async (event) => {
      if (learnerId && event.envelope.event.payload.learnerId !== learnerId) {
        return;
      }
      await send(response, event, limits.slowClientMs);
    },
    after,
  );
  await gone;
  clearInterval(heartbeat);
  await subscription.close();
}

async function send(
  response: ServerResponse,
  event: StoredEvent<"BadgeAwarded">,
  slowClientMs: number,
): Promise<void> {
  if (response.destroyed) {
    return;
  }
  const data = JSON.stringify(encodeEnvelope(event.envelope));
  const accepted = response.write(
    `id: ${event.cursor.position}\nevent: BadgeAwarded\ndata: ${data}\n\n`,
  );
  if (accepted) {
    return;
  }
  try {
    await once(response, "drain", {
      signal: AbortSignal.timeout(slowClientMs),
    });
  } catch {
    response.destroy();
  }
}
