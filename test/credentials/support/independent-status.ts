/**
 * A status check written for the tests from the W3C Bitstring Status List
 * rules alone, with none of the service's code: fetch the list credential
 * over HTTP, check its proof with @digitalcredentials/vc, read the bit.
 */
import { gunzipSync } from "node:zlib";
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalcredentials/vc";

type Json = Record<string, unknown>;
type Loader = Parameters<typeof vc.verifyCredential>[0]["documentLoader"];

export function statusChecker(serviceUrl: string, documentLoader: Loader) {
  return async ({ credential }: { credential: object }) => {
    const entry = (credential as Json).credentialStatus as Json;
    // The list URL names the public base URL; the test service listens elsewhere.
    const path = new URL(entry.statusListCredential as string).pathname;
    const list = (await (await fetch(`${serviceUrl}${path}`)).json()) as Json;
    const listProof = await vc.verifyCredential({
      credential: list,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
    });
    const encoded = (list.credentialSubject as Json).encodedList as string;
    const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    const index = Number(entry.statusListIndex);
    const set = ((bits[Math.floor(index / 8)] ?? 0) >> (7 - (index % 8))) & 1;
    return { verified: listProof.verified && set === 0 };
  };
}
