/**
 * Signs credentials with the issuer's current key: a Data Integrity proof
 * with the eddsa-rdfc-2022 cryptosuite, made by @digitalcredentials/vc.
 */
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import * as Ed25519Multikey from "@digitalcredentials/ed25519-multikey";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalcredentials/vc";
import type { DocumentLoader } from "./document-loader.js";
import type { StoredSigningKey } from "./key-ring.js";

export type SignedCredential = Record<string, unknown> & { proof: unknown };

export class CredentialSigner {
  private constructor(
    private readonly key: Ed25519Multikey.Ed25519Multikey,
    private readonly documentLoader: DocumentLoader,
  ) {}

  static async create(
    signing: StoredSigningKey,
    methodId: string,
    documentLoader: DocumentLoader,
  ): Promise<CredentialSigner> {
    const key = await Ed25519Multikey.from({
      type: "Multikey",
      id: methodId,
      controller: methodId.slice(0, methodId.indexOf("#")),
      publicKeyMultibase: signing.publicKeyMultibase,
      secretKeyMultibase: signing.secretKeyMultibase,
    });
    return new CredentialSigner(key, documentLoader);
  }

  async sign(credential: object): Promise<SignedCredential> {
    const suite = new DataIntegrityProof({
      signer: this.key.signer(),
      cryptosuite,
    });
    const signed = await vc.issue({
      credential: structuredClone(credential),
      suite,
      documentLoader: this.documentLoader,
    });
    return signed as SignedCredential;
  }
}
