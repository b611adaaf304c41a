/** Liveness, readiness and the Prometheus scrape. */
import type pg from "pg";
import { latestVersion } from "../../store/migrator.js";
import type { Api, ApiParts } from "../api-parts.js";
import { HttpProblem } from "../problem.js";

export function healthRoutes(app: Api, parts: ApiParts): void {
  app.get(
    "/healthz",
    { schema: { summary: "The process is alive", tags: ["operations"] } },
    async () => ({
      status: "ok",
    }),
  );

  app.get(
    "/readyz",
    {
      schema: {
        summary: "Database reachable, schema current, consumer running",
        tags: ["operations"],
      },
    },
    async () => {
      const checks = {
        database: await schemaVersion(parts.pool).then(
          (version) =>
            version === latestVersion ? "ok" : `schema at version ${version}`,
          () => "unreachable",
        ),
        consumer: parts.consumer.running ? "ok" : "not running",
      };
      const failing = Object.entries(checks).filter(
        ([, state]) => state !== "ok",
      );
      if (failing.length > 0) {
        throw new HttpProblem(
          503,
          "NOT_READY",
          failing.map(([name, state]) => `${name}: ${state}`).join("; "),
        );
      }
      return { status: "ready", checks };
    },
  );

  app.get(
    "/metrics",
    {
      onRequest: parts.access.require("admin"),
      schema: {
        summary: "Prometheus metrics",
        tags: ["operations"],
        security: [{ bearer: [] }],
      },
    },
    async (_request, reply) => {
      const text = await parts.metrics.registry.metrics();
      return reply.type(parts.metrics.registry.contentType).send(text);
    },
  );
}

async function schemaVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ version: number | null }>(
    "SELECT max(version) AS version FROM schema_migrations",
  );
  return rows[0]?.version ?? 0;
}
