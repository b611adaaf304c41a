/**
 * `verify <file>`: verifies an Open Badges 3.0 credential and prints the
 * verdict with a reason per check; exits 0 when it is valid, 1 when not.
 * The database is opened only for a credential whose status list is one of
 * this service's.
 */
import { readFile } from "node:fs/promises";
import { type Config, loadConfig } from "../config.js";
import { asArray, isRecord } from "../credentials/credential-shape.js";
import { Credentials, type Verdict } from "../credentials/credentials.js";
import { listOfStatusUrl } from "../credentials/status-list-credential.js";
import { defaultCatalog } from "../domain/catalog.js";
import { BadgeServiceError } from "../domain/errors.js";
import { createLogger } from "../logger.js";
import { openDatabase } from "../store/database.js";

export interface VerifyOptions {
  /** Controller documents to trust for keys not resolvable offline. */
  controller?: string[];
}

export async function runVerify(
  file: string,
  options: VerifyOptions = {},
): Promise<number> {
  const config = loadConfig();
  const credential = await readJson(file);
  const knownDocuments = await Promise.all(
    (options.controller ?? []).map(readJson),
  );
  const logger = createLogger(config.LOG_LEVEL, 2);
  const database = namesOwnStatusList(credential, config)
    ? await openDatabase(config, logger)
    : undefined;
  try {
    const credentials = await Credentials.open(
      config,
      defaultCatalog,
      database?.pool,
      { knownDocuments: knownDocuments.filter(isRecord) },
    );
    const verdict = await credentials.verify(credential);
    process.stdout.write(describe(verdict, file));
    return verdict.valid ? 0 : 1;
  } finally {
    await database?.close();
  }
}

function describe(verdict: Verdict, file: string): string {
  const issuer = verdict.issuer ? `, issued by ${verdict.issuer}` : "";
  const lines = [
    `${verdict.valid ? "valid" : "NOT valid"}: ${file}${issuer}`,
    ...verdict.checks.map(
      (check) =>
        `  ${check.ok ? "ok  " : "FAIL"}  ${check.check}: ${check.reason}`,
    ),
  ];
  if (verdict.signedByThisService) {
    lines.push(`  signed with this service's ${verdict.signedByThisService}`);
  }
  return `${lines.join("\n")}\n`;
}

function namesOwnStatusList(credential: unknown, config: Config): boolean {
  if (!isRecord(credential)) {
    return false;
  }
  return asArray(credential.credentialStatus).some(
    (entry) =>
      isRecord(entry) &&
      typeof entry.statusListCredential === "string" &&
      listOfStatusUrl(config.PUBLIC_BASE_URL, entry.statusListCredential) !==
        undefined,
  );
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadgeServiceError(
      "INVALID_CREDENTIAL",
      `${file} is not JSON: ${(error as Error).message}`,
    );
  }
}
