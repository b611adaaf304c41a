/**
 * The validity period of a credential: from `validFrom` (`issuanceDate` in
 * VC 1.1) up to `validUntil` (`expirationDate`) when it has one.
 */
import type { Credential } from "./credential-shape.js";

export interface ValidityWindow {
  from?: Date;
  until?: Date;
  problem?: string;
}

export function validityWindow(credential: Credential): ValidityWindow {
  const fromField = "validFrom" in credential ? "validFrom" : "issuanceDate";
  const untilField =
    "validUntil" in credential ? "validUntil" : "expirationDate";
  const from = dateOf(credential[fromField]);
  const until = dateOf(credential[untilField]);
  if (!from) {
    return { problem: `${fromField} is missing or not a date` };
  }
  if (credential[untilField] !== undefined && !until) {
    return { from, problem: `${untilField} is not a date` };
  }
  return { from, ...(until ? { until } : {}) };
}

/** Why the credential is not valid at `now`, or undefined when it is. */
export function outsideWindow(
  window: ValidityWindow,
  now: Date,
): string | undefined {
  if (window.problem) {
    return window.problem;
  }
  if (window.from && now < window.from) {
    return `not valid before ${window.from.toISOString()}`;
  }
  if (window.until && now > window.until) {
    return `expired at ${window.until.toISOString()}`;
  }
  return undefined;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
