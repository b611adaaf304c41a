/** The credential part over a test service, its keys in a fresh folder. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../../src/config.js";
import { Credentials } from "../../../src/credentials/credentials.js";
import type { BadgeService } from "../../../src/service.js";

export function freshKeyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "edupulse-credentials-"));
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export function testCredentials(
  service: BadgeService,
  env: Record<string, string> = {},
): Promise<Credentials> {
  const config = loadConfig({ CREDENTIALS_DIR: freshKeyFolder(), ...env });
  return Credentials.open(config, service.catalog, service.database.pool);
}
