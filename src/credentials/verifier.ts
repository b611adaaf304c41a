/**
 * Verification of any Open Badges 3.0 credential: its shape, its proof and
 * issuer key, its validity period and its status. The verdict lists every
 * check with its reason, so a refusal says why.
 */
import {
  type Credential,
  issuerIdOf,
  proofMethods,
  shapeProblems,
} from "./credential-shape.js";
import type { DocumentLoader } from "./document-loader.js";
import type { IssuerKey } from "./key-ring.js";
import { checkProof, type Outcome } from "./proof-check.js";
import { checkStatus, type StatusListSource } from "./status-check.js";
import { outsideWindow, validityWindow } from "./validity-window.js";

export type CheckName = "shape" | "proof" | "validity" | "status";

export interface Check extends Outcome {
  check: CheckName;
}

export interface Verdict {
  valid: boolean;
  checks: Check[];
  issuer?: string;
  /** Set when the credential was signed with a key of this service. */
  signedByThisService?: "current key" | "retired key";
}

export interface VerifierParts {
  documentLoader: DocumentLoader;
  statusLists: StatusListSource;
  /** This service's key behind a verification method, if it is one. */
  ownKey?: (methodId: string) => IssuerKey | undefined;
  now?: () => Date;
}

export class CredentialVerifier {
  constructor(private readonly parts: VerifierParts) {}

  async verify(input: unknown): Promise<Verdict> {
    const problems = shapeProblems(input);
    if (problems.length > 0) {
      return {
        valid: false,
        checks: [
          {
            check: "shape",
            ok: false,
            reason: `not an Open Badges 3.0 credential: ${problems.join("; ")}`,
          },
        ],
      };
    }
    const credential = input as Credential;
    const checks: Check[] = [
      { check: "shape", ok: true, reason: "an Open Badges 3.0 credential" },
      { check: "proof", ...(await this.proof(credential)) },
      { check: "validity", ...this.validity(credential) },
      { check: "status", ...(await this.status(credential)) },
    ];
    const issuer = issuerIdOf(credential);
    const ownKey = this.ownKeyOf(credential);
    return {
      valid: checks.every((check) => check.ok),
      checks,
      ...(issuer ? { issuer } : {}),
      ...(ownKey ? { signedByThisService: ownKey } : {}),
    };
  }

  private proof(credential: Credential): Promise<Outcome> {
    return checkProof(credential, this.parts.documentLoader);
  }

  private validity(credential: Credential): Outcome {
    const window = validityWindow(credential);
    const problem = outsideWindow(window, this.parts.now?.() ?? new Date());
    if (problem) {
      return { ok: false, reason: problem };
    }
    const until = window.until ? ` until ${window.until.toISOString()}` : "";
    return {
      ok: true,
      reason: `valid from ${window.from?.toISOString()}${until}`,
    };
  }

  private status(credential: Credential): Promise<Outcome> {
    return checkStatus(credential, {
      statusLists: this.parts.statusLists,
      checkProof: (list) => this.proof(list),
    });
  }

  private ownKeyOf(credential: Credential): Verdict["signedByThisService"] {
    const key = proofMethods(credential)
      .map((method) => this.parts.ownKey?.(method))
      .find((found) => found !== undefined);
    if (!key) {
      return undefined;
    }
    return key.retiredAt ? "retired key" : "current key";
  }
}
