/**
 * The issuer: its Open Badges profile, its identifier (an https URL, or the
 * did:key of the signing key) and the controller document that lists its
 * keys under `assertionMethod`, which is how verifiers know a key is its own.
 */
import type { DocumentSource } from "./document-loader.js";
import { IssuerKeyError } from "./errors.js";
import type { IssuerKey, KeyRing } from "./key-ring.js";

export interface IssuerSettings {
  ISSUER_ID?: string | undefined;
  ISSUER_NAME: string;
  ISSUER_URL?: string | undefined;
  ISSUER_EMAIL?: string | undefined;
}

export interface Profile {
  id: string;
  type: ["Profile"];
  name: string;
  url?: string;
  email?: string;
}

export interface VerificationMethod {
  id: string;
  type: "Multikey";
  controller: string;
  publicKeyMultibase: string;
}

const controllerContexts = [
  "https://www.w3.org/ns/did/v1",
  "https://w3id.org/security/multikey/v1",
];
const multikeyContext = "https://w3id.org/security/multikey/v1";

export class Issuer {
  readonly id: string;

  constructor(
    private readonly ring: KeyRing,
    private readonly settings: IssuerSettings,
  ) {
    const ownDid = didKey(ring.signing.publicKeyMultibase);
    this.id = settings.ISSUER_ID ?? ownDid;
    if (this.usesDidKey && this.id !== ownDid) {
      throw new IssuerKeyError(
        "ISSUER_ID is a did:key other than the one of the signing key; leave it unset to use the key's own",
      );
    }
  }

  get usesDidKey(): boolean {
    return this.id.startsWith("did:key:");
  }

  profile(): Profile {
    const { ISSUER_NAME, ISSUER_URL, ISSUER_EMAIL } = this.settings;
    return {
      id: this.id,
      type: ["Profile"],
      name: ISSUER_NAME,
      ...(ISSUER_URL ? { url: ISSUER_URL } : {}),
      ...(ISSUER_EMAIL ? { email: ISSUER_EMAIL } : {}),
    };
  }

  get signingMethodId(): string {
    return this.methodId(this.ring.signing.publicKeyMultibase);
  }

  /** With did:key each key is its own identifier; with a URL, a fragment of it. */
  methodId(publicKeyMultibase: string): string {
    return this.usesDidKey
      ? `${didKey(publicKeyMultibase)}#${publicKeyMultibase}`
      : `${this.id}#${publicKeyMultibase}`;
  }

  /** The ring's key behind a verification method, if the method is this issuer's. */
  keyOf(methodId: string): IssuerKey | undefined {
    return this.ring.keys.find(
      (key) => this.methodId(key.publicKeyMultibase) === methodId,
    );
  }

  /**
   * Lists every key of the ring for a URL issuer; a did:key names one key,
   * so there the document is that key's own DID document.
   */
  controllerDocument(): Record<string, unknown> {
    const signing = this.ring.signing.publicKeyMultibase;
    const keys = this.usesDidKey
      ? this.ring.keys.filter((key) => key.publicKeyMultibase === signing)
      : this.ring.keys;
    const methods = keys.map((key) => this.verificationMethod(key));
    const controller = this.usesDidKey ? didKey(signing) : this.id;
    return {
      "@context": controllerContexts,
      id: controller,
      verificationMethod: methods,
      assertionMethod: methods.map((method) => method.id),
    };
  }

  /** The issuer's documents for the verifier; did:key ones resolve by themselves. */
  readonly documents: DocumentSource = (url) => {
    if (this.usesDidKey) {
      return undefined;
    }
    if (url === this.id) {
      return this.controllerDocument();
    }
    const key = this.keyOf(url);
    return key
      ? { "@context": multikeyContext, ...this.verificationMethod(key) }
      : undefined;
  };

  private verificationMethod(key: IssuerKey): VerificationMethod {
    const id = this.methodId(key.publicKeyMultibase);
    return {
      id,
      type: "Multikey",
      controller: id.slice(0, id.indexOf("#")),
      publicKeyMultibase: key.publicKeyMultibase,
    };
  }
}

export function didKey(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}
