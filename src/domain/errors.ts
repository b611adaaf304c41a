/**
 * Errors of the service: each carries a stable code that callers and the
 * HTTP edge can rely on, never the message text.
 */

export class BadgeServiceError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One reason an input was refused, tied to the field it concerns. */
export interface FieldIssue {
  /** JSON path of the field in wire terms, for example `event.payload.score`. */
  field: string;
  reason: string;
}

export type ValidationCode =
  | "INVALID_EVENT"
  | "UNKNOWN_EVENT_TYPE"
  | "EVENT_TYPE_NOT_ACCEPTED";

export class ValidationError extends BadgeServiceError {
  declare readonly code: ValidationCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: ValidationCode, issues: readonly FieldIssue[]) {
    super(code, describeIssues(issues));
    this.issues = issues;
  }

  /** The first field at fault, the one a short error line names. */
  get field(): string {
    return this.issues[0]?.field ?? "";
  }
}

function describeIssues(issues: readonly FieldIssue[]): string {
  return issues
    .map((issue) => `${issue.field || "(root)"}: ${issue.reason}`)
    .join("; ");
}
