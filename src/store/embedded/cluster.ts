/**
 * Creates the database cluster on first use, protected by a generated
 * superuser password that only the data folder's owner can read.
 */
import { randomBytes } from "node:crypto";
import {
  access,
  chmod,
  chown,
  readFile,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import type { Logger } from "pino";
import { EmbeddedServerError } from "./errors.js";
import type { DataFolderLayout } from "./layout.js";
import type { RunAs } from "./os-user.js";
import { runTool, type ToolContext, toolFailure } from "./run-tool.js";

export const superuser = "postgres";

const accessHint =
  "\nPostgreSQL runs as the OS user postgres here: every folder above the " +
  "data folder must be enterable by it.";

export async function ensureCluster(
  layout: DataFolderLayout,
  initdb: string,
  tool: ToolContext,
  logger: Logger,
): Promise<void> {
  if (await exists(layout.pgVersionFile)) return;
  await discardPartialCluster(layout, logger);
  await ensurePasswordFile(layout.passwordFile, tool.runAs);
  logger.info({ dataDir: layout.dataDir }, "initialising embedded PostgreSQL");
  const startedAt = Date.now();
  await runInitdb(layout, initdb, tool);
  // initdb writes PG_VERSION early, so only a finished cluster may get there.
  await rename(layout.pgdataStaging, layout.pgdata);
  logger.info(
    { dataDir: layout.dataDir, ms: Date.now() - startedAt },
    "embedded PostgreSQL initialised",
  );
}

export async function readPassword(layout: DataFolderLayout): Promise<string> {
  try {
    return (await readFile(layout.passwordFile, "utf8")).trim();
  } catch (error) {
    throw new EmbeddedServerError(
      "EMBEDDED_SERVER_START_FAILED",
      `Cannot read ${layout.passwordFile}, the superuser password of the ` +
        `cluster in ${layout.pgdata}`,
      { cause: error },
    );
  }
}

async function discardPartialCluster(
  layout: DataFolderLayout,
  logger: Logger,
): Promise<void> {
  if (await exists(layout.pgdata)) {
    logger.warn(
      { dataDir: layout.dataDir },
      "removing a cluster whose initialisation did not finish",
    );
  }
  await rm(layout.pgdata, { recursive: true, force: true });
  await rm(layout.pgdataStaging, { recursive: true, force: true });
}

/** Kept when present: an interrupted first start must not change it. */
async function ensurePasswordFile(
  file: string,
  runAs: RunAs | undefined,
): Promise<void> {
  if (!(await exists(file))) {
    const password = randomBytes(24).toString("hex");
    await writeFile(file, password, { mode: 0o600, flag: "wx" });
  }
  await chmod(file, 0o600);
  if (runAs) await chown(file, runAs.uid, runAs.gid);
}

async function runInitdb(
  layout: DataFolderLayout,
  initdb: string,
  tool: ToolContext,
): Promise<void> {
  const args = [
    `--pgdata=${layout.pgdataStaging}`,
    "--auth=scram-sha-256",
    `--username=${superuser}`,
    `--pwfile=${layout.passwordFile}`,
    "--encoding=UTF8",
    "--locale=C",
  ];
  try {
    await runTool(initdb, args, tool);
  } catch (error) {
    throw new EmbeddedServerError(
      "EMBEDDED_SERVER_START_FAILED",
      `initdb failed for ${layout.pgdata}:\n${toolFailure(error).output}` +
        (tool.runAs ? accessHint : ""),
      { cause: error },
    );
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
