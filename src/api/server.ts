/**
 * Builds the HTTP API on Fastify: validation by the route schemas, problem
 * details for every error, access control, request metrics, the routes.
 */
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import {
  serializerCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Api, ApiLimits, ApiParts } from "./api-parts.js";
import { sendProblem } from "./error-handler.js";
import { registerOpenApi } from "./openapi.js";
import { HttpProblem } from "./problem.js";
import { validatorCompiler } from "./request-validation.js";
import { awardStreamRoutes } from "./routes/award-stream.js";
import { badgeRoutes } from "./routes/badges.js";
import { credentialRoutes } from "./routes/credentials.js";
import { eventRoutes } from "./routes/events.js";
import { healthRoutes } from "./routes/health.js";

export const defaultLimits: ApiLimits = {
  batchMaxEvents: 1000,
  bodyLimitBytes: 1024 * 1024,
  heartbeatMs: 15_000,
  slowClientMs: 10_000,
  closeGraceMs: 5_000,
};

export async function buildApi(
  parts: ApiParts,
  logger: Logger,
  limits: ApiLimits = defaultLimits,
): Promise<Api> {
  const httpLogger: FastifyBaseLogger = logger.child({ part: "http" });
  const app: Api = Fastify({
    loggerInstance: httpLogger,
    bodyLimit: limits.bodyLimitBytes,
    // Request lines would double the log volume of ingest; latency is in /metrics.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  // Events are JSON; plain text would otherwise reach validation as a string.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) =>
    sendProblem(request, reply, error),
  );
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new HttpProblem(
        404,
        "NOT_FOUND",
        `no route for ${request.method} ${request.url.split("?")[0]}`,
      ),
    ),
  );
  app.addHook("onResponse", async (request, reply) => {
    parts.metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? "unmatched",
        status: reply.statusCode,
      },
      reply.elapsedTime / 1000,
    );
  });

  // Node closes idle connections on close, but not those that were opened
  // and never sent a request: a client's pool may hold such a connection
  // and would keep the server from closing until the header timeout.
  app.addHook("preClose", async () => {
    setTimeout(
      () => app.server.closeAllConnections(),
      limits.closeGraceMs,
    ).unref();
  });

  await registerOpenApi(app, "1");
  eventRoutes(app, parts, limits);
  badgeRoutes(app, parts);
  credentialRoutes(app, parts);
  awardStreamRoutes(app, parts, limits);
  healthRoutes(app, parts);
  await app.ready();
  return app;
}
