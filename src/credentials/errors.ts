/** Errors of the credential part, with stable codes like the rest of the service. */
import { BadgeServiceError } from "../domain/errors.js";

/** A document the verifier would have to fetch; it never does. */
export class UnknownDocumentError extends BadgeServiceError {
  constructor(
    readonly url: string,
    why: string,
  ) {
    super("UNKNOWN_DOCUMENT", `cannot load ${url}: ${why}`);
  }
}

/** The issuer key material or its configuration cannot be used. */
export class IssuerKeyError extends BadgeServiceError {
  constructor(message: string) {
    super("INVALID_ISSUER_KEY", message);
  }
}
