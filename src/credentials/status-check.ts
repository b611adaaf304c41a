/**
 * The status check: each BitstringStatusListEntry of the credential is
 * looked up in its status list credential, whose own proof and issuer are
 * checked first. Lists are only read from where the verifier is given them;
 * nothing is fetched, so a list of another issuer cannot be checked here.
 */
import {
  asArray,
  type Credential,
  isRecord,
  issuerIdOf,
} from "./credential-shape.js";
import type { Outcome } from "./proof-check.js";
import { statusBit } from "./status-list.js";

/** The signed status list credential at a URL, when it is one this verifier can read. */
export type StatusListSource = (url: string) => Promise<object | undefined>;

export interface StatusCheckParts {
  statusLists: StatusListSource;
  checkProof: (credential: Credential) => Promise<Outcome>;
}

export async function checkStatus(
  credential: Credential,
  parts: StatusCheckParts,
): Promise<Outcome> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) {
    return { ok: true, reason: "the credential names no status list" };
  }
  const outcomes = await Promise.all(
    entries.map((entry) => checkEntry(entry, issuerIdOf(credential), parts)),
  );
  const failed = outcomes.find((outcome) => !outcome.ok);
  return (
    failed ?? { ok: true, reason: outcomes.map((o) => o.reason).join("; ") }
  );
}

async function checkEntry(
  entry: unknown,
  issuerId: string | undefined,
  parts: StatusCheckParts,
): Promise<Outcome> {
  if (!isRecord(entry) || entry.type !== "BitstringStatusListEntry") {
    return fail("the status entry is not a BitstringStatusListEntry");
  }
  const url = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  if (typeof url !== "string" || !Number.isInteger(index) || index < 0) {
    return fail("the status entry lacks a list URL or a whole-number index");
  }
  const list = await readList(url, parts.statusLists);
  if (typeof list === "string") {
    return fail(list);
  }
  const listProblem = await problemOfList(list, issuerId, entry, parts);
  if (listProblem) {
    return fail(`status list ${url}: ${listProblem}`);
  }
  const subject = list.credentialSubject as Record<string, unknown>;
  const bit = statusBit(String(subject.encodedList), index);
  if (bit === undefined) {
    return fail(`status list ${url} has no entry ${index}`);
  }
  const place = `status list ${url}, entry ${index}`;
  return bit
    ? fail(`${purposeDone(entry.statusPurpose)} by the issuer (${place})`)
    : {
        ok: true,
        reason: `not ${purposeDone(entry.statusPurpose)} (${place})`,
      };
}

/** The list, or why there is none. */
async function readList(
  url: string,
  statusLists: StatusListSource,
): Promise<Record<string, unknown> | string> {
  try {
    const list = await statusLists(url);
    if (list === undefined) {
      return `status list ${url} is not published by this service, and verification never fetches from the network`;
    }
    return isRecord(list) ? list : `status list ${url} is not a JSON object`;
  } catch (error) {
    return `status list ${url} could not be read: ${(error as Error).message}`;
  }
}

async function problemOfList(
  list: Record<string, unknown>,
  issuerId: string | undefined,
  entry: Record<string, unknown>,
  parts: StatusCheckParts,
): Promise<string | undefined> {
  const subject = list.credentialSubject;
  if (
    !asArray(list.type).includes("BitstringStatusListCredential") ||
    !isRecord(subject)
  ) {
    return "it is not a BitstringStatusListCredential";
  }
  if (issuerIdOf(list) !== issuerId) {
    return "it was issued by someone other than the credential's issuer";
  }
  if (subject.statusPurpose !== entry.statusPurpose) {
    return `it lists ${String(subject.statusPurpose)}, not ${String(entry.statusPurpose)}`;
  }
  const proof = await parts.checkProof(list);
  return proof.ok ? undefined : `its proof fails: ${proof.reason}`;
}

function purposeDone(purpose: unknown): string {
  return purpose === "suspension" ? "suspended" : "revoked";
}

function fail(reason: string): Outcome {
  return { ok: false, reason };
}
