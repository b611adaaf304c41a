import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi } from "../support/test-api.js";

const subject = useTestApi();

interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
};

const protectedOperations = [
  ["/v1/events", "post"],
  ["/v1/events", "get"],
  ["/v1/events/batch", "post"],
  ["/v1/badges", "get"],
  ["/v1/learners/{learnerId}/badges", "get"],
  ["/v1/learners/{learnerId}/badges/{badgeId}", "get"],
  ["/v1/awards/stream", "get"],
  ["/v1/credentials/{awardId}", "get"],
  ["/v1/learners/{learnerId}/credentials", "get"],
  ["/v1/credentials/verify", "post"],
  ["/metrics", "get"],
] as const;

const openOperations = [
  ["/healthz", "get"],
  ["/readyz", "get"],
  ["/v1/achievements/{badgeId}", "get"],
  ["/v1/credentials/status/{list}", "get"],
  ["/v1/issuer", "get"],
] as const;

describe("the OpenAPI document", () => {
  let document: OpenApiDocument;

  beforeAll(async () => {
    const response = await fetch(`${subject.url}/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });

  const operation = (path: string, method: string): Operation => {
    const found = document.paths[path]?.[method];
    if (!found) {
      throw new Error(`the document lacks ${method.toUpperCase()} ${path}`);
    }
    return found;
  };

  it("validates against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    const broken = structuredClone(document);
    broken.paths["/v1/badges"] = { get: { responses: [] as never } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("lists every route of the API and nothing else", () => {
    const listed = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(listed.sort()).toEqual(
      [...protectedOperations, ...openOperations]
        .map(([path, method]) => `${method} ${path}`)
        .sort(),
    );
  });

  it("declares the bearer scheme as HTTP bearer authentication", () => {
    expect(document.components?.securitySchemes?.bearer).toEqual({
      type: "http",
      scheme: "bearer",
    });
  });

  it.each(protectedOperations)(
    "requires the bearer scheme for %s %s",
    (path, method) => {
      expect(operation(path, method).security).toEqual([{ bearer: [] }]);
    },
  );

  it.each(openOperations)("requires no token for %s %s", (path, method) => {
    expect(operation(path, method).security ?? []).toEqual([]);
  });

  it("documents error answers as application/problem+json", () => {
    const errorMediaTypes = protectedOperations.flatMap(([path, method]) =>
      Object.entries(operation(path, method).responses ?? {})
        .filter(([status]) => status.startsWith("4"))
        .map(([status, answer]) => ({
          answer: `${method} ${path} ${status}`,
          types: Object.keys(answer.content ?? {}),
        })),
    );
    expect(errorMediaTypes.length).toBeGreaterThan(0);
    for (const { answer, types } of errorMediaTypes) {
      expect(types, answer).toEqual(["application/problem+json"]);
    }
  });

  it("documents the award stream as text/event-stream", () => {
    const answer = operation("/v1/awards/stream", "get").responses?.["200"];
    expect(Object.keys(answer?.content ?? {})).toEqual(["text/event-stream"]);
  });
});

describe("the docs page", () => {
  it("answers HTML", async () => {
    const response = await fetch(`${subject.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<html/i);
  });
});
