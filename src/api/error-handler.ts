/**
 * Maps every failure to a problem document, in one place: validation
 * issues, the HTTP layer's own errors (bad JSON, too large, wrong media
 * type), problems raised by handlers, and anything unexpected.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ValidationError } from "../domain/errors.js";
import {
  toFieldIssue,
  toValidationError,
} from "../domain/validation-issues.js";
import { HttpProblem, problemContentType, problemDocument } from "./problem.js";
import { RequestValidationError } from "./request-validation.js";

const layerErrors: Record<string, (error: FastifyError) => HttpProblem> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (error) =>
    new HttpProblem(
      400,
      "MALFORMED_JSON",
      `body is not valid JSON: ${error.message}`,
      [{ field: "", reason: "is not valid JSON" }],
    ),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new HttpProblem(400, "MALFORMED_JSON", "body is empty", [
      { field: "", reason: "is required" },
    ]),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new HttpProblem(413, "BODY_TOO_LARGE", "body is larger than the limit", [
      { field: "", reason: "exceeds the body size limit" },
    ]),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json"),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new HttpProblem(
      400,
      "MALFORMED_REQUEST",
      "Content-Length does not match the body",
    ),
};

export function toProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) {
    return error;
  }
  if (error instanceof ValidationError) {
    return new HttpProblem(400, error.code, error.message, error.issues);
  }
  if (error instanceof RequestValidationError) {
    return fromValidation(error);
  }
  const code = (error as Partial<FastifyError>).code;
  const known = code ? layerErrors[code] : undefined;
  return known?.(error as FastifyError);
}

function fromValidation(error: RequestValidationError): HttpProblem {
  if (error.validationContext !== "body") {
    const issues = error.issues.map((issue) => toFieldIssue(issue));
    return new HttpProblem(
      400,
      "INVALID_REQUEST",
      `invalid ${error.validationContext}: ${issues.map((i) => `${i.field}: ${i.reason}`).join("; ")}`,
      issues,
    );
  }
  const tooMany = error.issues.find(
    (issue) => issue.code === "too_big" && issue.path.join() === "events",
  );
  if (tooMany) {
    return new HttpProblem(400, "BATCH_TOO_LARGE", tooMany.message, [
      toFieldIssue(tooMany),
    ]);
  }
  const validation = toValidationError(error.issues, error.input);
  return new HttpProblem(
    400,
    validation.code,
    validation.message,
    validation.issues,
  );
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const problem = toProblem(error);
  if (!problem) {
    request.log.error({ err: error }, "request failed");
  }
  const answer =
    problem ?? new HttpProblem(500, "INTERNAL", "an unexpected error occurred");
  if (answer.status === 401) {
    reply.header("www-authenticate", 'Bearer realm="edupulse-badges"');
  }
  return reply
    .code(answer.status)
    .type(problemContentType)
    .send(problemDocument(answer, request.url));
}
