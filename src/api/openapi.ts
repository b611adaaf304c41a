/** The OpenAPI 3.1 document, generated from the route schemas, and its docs page. */
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
} from "fastify-type-provider-zod";
import type { Api } from "./api-parts.js";

export async function registerOpenApi(
  app: Api,
  version: string,
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "EduPulse Badges",
        description:
          "Awards learning badges from domain events, each at most once. Errors are RFC 9457 problem details.",
        version,
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
