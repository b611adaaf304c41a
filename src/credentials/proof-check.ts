/**
 * The proof check: the Data Integrity proof verified by @digitalcredentials/vc
 * with the offline document loader, which also checks that the key is listed
 * by its controller under assertionMethod and that the controller is the
 * issuer. Library errors become one plain reason.
 */
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalcredentials/vc";
import { legacyDataIntegrityContext } from "./contexts.js";
import { asArray, type Credential } from "./credential-shape.js";
import type { DocumentLoader } from "./document-loader.js";
import { UnknownDocumentError } from "./errors.js";
import { validityWindow } from "./validity-window.js";

export interface Outcome {
  ok: boolean;
  reason: string;
}

export async function checkProof(
  credential: Credential,
  documentLoader: DocumentLoader,
): Promise<Outcome> {
  const result = await vc.verifyCredential({
    credential,
    suite: suiteFor(credential),
    documentLoader,
    // Status is checked on its own, so that it gets a reason of its own.
    checkStatus: async () => ({ verified: true }),
    // Likewise dates: judged at the start of validity, vc reports only the proof.
    ...validityStart(credential),
  });
  if (result.verified) {
    return { ok: true, reason: "the signature matches the content" };
  }
  return { ok: false, reason: failureReason(errorsOf(result)) };
}

/** Proofs made with the legacy data integrity context need the legacy suite. */
function suiteFor(credential: Credential): DataIntegrityProof {
  const legacyContext = asArray(credential["@context"]).includes(
    legacyDataIntegrityContext,
  );
  return new DataIntegrityProof({ cryptosuite, legacyContext });
}

function validityStart(credential: Credential): { now?: Date } {
  const { from } = validityWindow(credential);
  return from ? { now: from } : {};
}

function errorsOf(result: vc.VerifyCredentialResult): unknown[] {
  const found = [
    ...(result.results ?? []).flatMap((proof) => [
      proof.purposeResult?.error,
      proof.error,
    ]),
    result.error,
  ];
  return found.flatMap(flatten).filter((error) => error !== undefined);
}

/** The error with the ones it wraps: jsigs lists them, jsonld keeps the loader's as a cause. */
function flatten(error: unknown): unknown[] {
  if (typeof error !== "object" || error === null) {
    return [error];
  }
  const { errors, cause, details } = error as {
    errors?: unknown;
    cause?: unknown;
    details?: { cause?: unknown };
  };
  const wrapped = [
    ...(Array.isArray(errors) ? errors : []),
    cause,
    details?.cause,
  ].filter((inner) => inner !== undefined);
  return [error, ...wrapped.flatMap(flatten)];
}

const knownFailures: [RegExp, string][] = [
  [
    /^Invalid signature/,
    "the signature does not match the content: the credential was changed after signing, or signed with another key",
  ],
  [
    /not authorized by controller/,
    "the signing key is not listed under assertionMethod by its controller",
  ],
  [
    /issuer must match the verification method controller/,
    "the issuer does not control the signing key",
  ],
  [
    /No matching proofs found/,
    "it has no eddsa-rdfc-2022 Data Integrity proof",
  ],
];

function failureReason(errors: unknown[]): string {
  const unknownDocument = errors.find(
    (error) => error instanceof UnknownDocumentError,
  );
  if (unknownDocument) {
    return (unknownDocument as UnknownDocumentError).message;
  }
  const messages = errors.map((error) =>
    error instanceof Error ? error.message : String(error),
  );
  for (const [pattern, reason] of knownFailures) {
    if (messages.some((message) => pattern.test(message))) {
      return reason;
    }
  }
  return messages[0] ?? "the proof did not verify";
}
