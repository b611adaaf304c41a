/**
 * Turns schema issues into the service's ValidationError: JSON paths in
 * wire terms, and UNKNOWN_EVENT_TYPE when an event type matched no schema.
 */
import type { z } from "zod";
import { type FieldIssue, ValidationError } from "./errors.js";

type Issue = z.core.$ZodIssue;

export function toValidationError(
  issues: readonly Issue[],
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): ValidationError {
  const fieldIssues = issues.map((issue) => toFieldIssue(issue, prefix));
  const unknownType = issues.some((issue) => isUnknownEventType(issue, input));
  return new ValidationError(
    unknownType ? "UNKNOWN_EVENT_TYPE" : "INVALID_EVENT",
    fieldIssues,
  );
}

export function toFieldIssue(
  issue: Issue,
  prefix: readonly PropertyKey[] = [],
): FieldIssue {
  return { field: jsonPath([...prefix, ...issue.path]), reason: issue.message };
}

/** `events[3].event.payload.score`: dots between names, brackets for indexes. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") {
      return `${text}[${key}]`;
    }
    return text ? `${text}.${String(key)}` : String(key);
  }, "");
}

/** A discriminator that is a string yet names no event type. */
function isUnknownEventType(issue: Issue, input: unknown): boolean {
  if (issue.code !== "invalid_union" || !("discriminator" in issue)) {
    return false;
  }
  return typeof valueAt(input, issue.path) === "string";
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
