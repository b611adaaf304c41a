import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Scope } from "../../src/api/access.js";
import { expectProblem, postJson, quizEnvelope } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";

const tokens = {
  writer: "writer-token-0123456789abcdef",
  reader: "reader-token-0123456789abcdef",
  eventsReader: "events-reader-token-0123456789",
  admin: "admin-token-0123456789abcdefgh",
} as const;
type Holder = keyof typeof tokens;

const scopesOf: Record<Holder, Scope[]> = {
  writer: ["events:write"],
  reader: ["badges:read"],
  eventsReader: ["events:read"],
  admin: ["admin"],
};

const subject = useTestApi({
  tokens: (Object.keys(tokens) as Holder[]).map((name) => ({
    name,
    token: tokens[name],
    scopes: scopesOf[name],
  })),
});

interface Endpoint {
  name: string;
  scope: Scope;
  success: number;
  call: (headers: Record<string, string>) => Promise<Response>;
}

const get = (path: string) => (headers: Record<string, string>) =>
  fetch(`${subject.url}${path}`, { headers });

/** Opens the stream, keeps only the status line, and lets go at once. */
const openStream = async (headers: Record<string, string>) => {
  const controller = new AbortController();
  const response = await fetch(`${subject.url}/v1/awards/stream`, {
    headers,
    signal: controller.signal,
  });
  if (response.ok) {
    controller.abort();
    return new Response(null, {
      status: response.status,
      headers: response.headers,
    });
  }
  return response;
};

const endpoints: Endpoint[] = [
  {
    name: "POST /v1/events",
    scope: "events:write",
    success: 202,
    call: (headers) =>
      postJson(`${subject.url}/v1/events`, quizEnvelope(), headers),
  },
  {
    name: "POST /v1/events/batch",
    scope: "events:write",
    success: 202,
    call: (headers) =>
      postJson(
        `${subject.url}/v1/events/batch`,
        { events: [quizEnvelope(), quizEnvelope()] },
        headers,
      ),
  },
  {
    name: "GET /v1/events",
    scope: "events:read",
    success: 200,
    call: get("/v1/events"),
  },
  {
    name: "GET /v1/badges",
    scope: "badges:read",
    success: 200,
    call: get("/v1/badges"),
  },
  {
    name: "GET /v1/learners/{learnerId}/badges",
    scope: "badges:read",
    success: 200,
    call: get(`/v1/learners/${randomUUID()}/badges`),
  },
  {
    name: "GET /v1/awards/stream",
    scope: "badges:read",
    success: 200,
    call: openStream,
  },
  { name: "GET /metrics", scope: "admin", success: 200, call: get("/metrics") },
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const refusals = [
  { caller: "no Authorization header", headers: {} },
  {
    caller: "a token nobody holds",
    headers: bearer("unknown-token-0123456789abcdef"),
  },
  {
    caller: "a prefix of a real token",
    headers: bearer(tokens.admin.slice(0, 20)),
  },
  {
    caller: "a real token under the Basic scheme",
    headers: {
      authorization: `Basic ${Buffer.from(`admin:${tokens.admin}`).toString("base64")}`,
    },
  },
  {
    caller: "a Bearer scheme without a token",
    headers: { authorization: "Bearer" },
  },
];

const holders = Object.keys(tokens) as Holder[];

const matrix = endpoints.flatMap((endpoint) =>
  holders.map((holder) => {
    const allowed =
      scopesOf[holder].includes(endpoint.scope) ||
      scopesOf[holder].includes("admin");
    return {
      title: `${allowed ? "lets" : "forbids"} the ${holder} token ${allowed ? "use" : "to use"} ${endpoint.name}`,
      endpoint,
      holder,
      allowed,
    };
  }),
);

describe("access control with tokens configured", () => {
  it.each(
    endpoints.flatMap((endpoint) =>
      refusals.map(
        (refusal) =>
          [
            `${endpoint.name} from a caller with ${refusal.caller}`,
            endpoint,
            refusal.headers,
          ] as const,
      ),
    ),
  )("answers 401 UNAUTHENTICATED to %s", async (_title, endpoint, headers) => {
    await expectProblem(await endpoint.call(headers), 401, "UNAUTHENTICATED");
  });

  it.each(matrix.map((entry) => [entry.title, entry] as const))(
    "%s",
    async (_title, { endpoint, holder, allowed }) => {
      const response = await endpoint.call(bearer(tokens[holder]));
      if (allowed) {
        expect(response.status).toBe(endpoint.success);
        await response.body?.cancel();
      } else {
        const problem = await expectProblem(response, 403, "FORBIDDEN");
        expect(problem.detail).toContain(endpoint.scope);
      }
    },
  );

  it("accepts the Bearer scheme written in any case", async () => {
    const response = await fetch(`${subject.url}/v1/badges`, {
      headers: { authorization: `bearer ${tokens.reader}` },
    });
    expect(response.status).toBe(200);
  });

  it.each(["/healthz", "/readyz", "/openapi.json"])(
    "serves %s without a token",
    async (path) => {
      const response = await fetch(`${subject.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain(
        "application/json",
      );
    },
  );

  it("serves the docs page without a token", async () => {
    const response = await fetch(`${subject.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("refuses an unauthenticated POST before reading its body", async () => {
    const response = await fetch(`${subject.url}/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"id": ',
    });
    await expectProblem(response, 401, "UNAUTHENTICATED");
  });

  it("refuses a wrongly scoped POST before validating its body", async () => {
    const response = await postJson(
      `${subject.url}/v1/events/batch`,
      { events: [] },
      bearer(tokens.reader),
    );
    await expectProblem(response, 403, "FORBIDDEN");
  });

  it("stores nothing that an unauthenticated caller sends", async () => {
    const envelope = quizEnvelope();
    const response = await postJson(`${subject.url}/v1/events`, envelope, {
      authorization: "Bearer wrong-token-0123456789abcdef",
    });
    await expectProblem(response, 401, "UNAUTHENTICATED");
    const { rows } = await subject.database.pool.query(
      "SELECT 1 FROM event_store WHERE id = $1",
      [envelope.id],
    );
    expect(rows).toEqual([]);
  });

  it("challenges an unauthenticated caller with the Bearer scheme", async () => {
    const response = await fetch(`${subject.url}/v1/badges`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate") ?? "").toMatch(
      /^Bearer\b/i,
    );
  });
});
