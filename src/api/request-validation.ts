/**
 * Validates requests with the zod schemas of the routes, keeping each
 * issue's path and the input, so that errors can name fields exactly and
 * tell an unknown event type from a malformed one.
 */
import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";

export class RequestValidationError extends Error {
  readonly statusCode = 400;
  declare validationContext: string;

  constructor(
    readonly issues: readonly z.core.$ZodIssue[],
    readonly input: unknown,
  ) {
    super("request validation failed");
    this.name = "RequestValidationError";
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) {
      return { value: result.data };
    }
    return { error: new RequestValidationError(result.error.issues, data) };
  };
