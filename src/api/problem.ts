/**
 * RFC 9457 problem details: the one shape of every error answer. Codes are
 * stable strings clients can branch on; `errors` names each field at fault.
 */
import { BadgeServiceError, type FieldIssue } from "../domain/errors.js";

export const problemContentType = "application/problem+json";

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
}

/** An error that knows the HTTP answer it stands for. */
export class HttpProblem extends BadgeServiceError {
  constructor(
    readonly status: number,
    code: string,
    detail: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(code, detail);
  }
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemDocument(
  problem: HttpProblem,
  instance: string,
): ProblemDocument {
  return {
    type: `/problems/${problem.code.toLowerCase().replaceAll("_", "-")}`,
    title: titles[problem.status] ?? "Error",
    status: problem.status,
    code: problem.code,
    detail: problem.message,
    instance,
    ...(problem.issues.length > 0 ? { errors: [...problem.issues] } : {}),
  };
}
