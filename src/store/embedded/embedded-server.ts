/**
 * Runs a private PostgreSQL server on loopback from a data folder, for a
 * service that has no database of its own to connect to.
 */
import { mkdir } from "node:fs/promises";
import type { Logger } from "pino";
import { loadBinaries, type PostgresBinaries } from "./binaries.js";
import { ensureCluster, readPassword, superuser } from "./cluster.js";
import {
  acquireDataFolderLock,
  type DataFolderLock,
} from "./data-folder-lock.js";
import { EmbeddedServerError } from "./errors.js";
import { pickFreePort } from "./free-port.js";
import { type DataFolderLayout, dataFolderLayout } from "./layout.js";
import { chownRecursive, resolveRunAs } from "./os-user.js";
import {
  isServerRunning,
  type PgCtl,
  startServer,
  stopServer,
} from "./pg-ctl.js";

export { EmbeddedServerError, type EmbeddedServerErrorCode } from "./errors.js";

export interface EmbeddedServerOptions {
  dataDir: string;
  logger: Logger;
  /** 0 or absent: any free port on 127.0.0.1. */
  port?: number;
}

export interface EmbeddedServer {
  /** Superuser connection string, password included. */
  readonly url: string;
  readonly dataDir: string;
  /** Stops the server and frees the data folder; later calls do nothing. */
  stop(): Promise<void>;
}

export async function startEmbeddedServer(
  options: EmbeddedServerOptions,
): Promise<EmbeddedServer> {
  const layout = dataFolderLayout(options.dataDir);
  try {
    const binaries = await loadBinaries();
    await mkdir(layout.dataDir, { recursive: true });
    const lock = await acquireDataFolderLock(
      layout.ownerLock,
      layout.dataDir,
      options.logger,
    );
    return await startLocked(layout, binaries, lock, options);
  } catch (error) {
    throw asServerError(error, layout.dataDir);
  }
}

async function startLocked(
  layout: DataFolderLayout,
  binaries: PostgresBinaries,
  lock: DataFolderLock,
  options: EmbeddedServerOptions,
): Promise<EmbeddedServer> {
  try {
    const ctl = await prepareCluster(layout, binaries, options.logger);
    const password = await readPassword(layout);
    await stopOrphan(ctl, options.logger);
    const port = await launch(ctl, options);
    return serverHandle(ctl, lock, port, password, options.logger);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function prepareCluster(
  layout: DataFolderLayout,
  binaries: PostgresBinaries,
  logger: Logger,
): Promise<PgCtl> {
  const runAs = await resolveRunAs(logger);
  if (runAs) await chownRecursive(layout.dataDir, runAs);
  const tool = { runAs, cwd: layout.dataDir };
  await ensureCluster(layout, binaries.initdb, tool, logger);
  return { pgCtl: binaries.pgCtl, layout, tool };
}

/** A server still running here was left by an owner that was killed. */
async function stopOrphan(ctl: PgCtl, logger: Logger): Promise<void> {
  if (!(await isServerRunning(ctl))) return;
  logger.warn(
    { dataDir: ctl.layout.dataDir },
    "stopping embedded PostgreSQL left running by a previous process",
  );
  await stopServer(ctl);
}

async function launch(
  ctl: PgCtl,
  options: EmbeddedServerOptions,
): Promise<number> {
  const port = options.port || (await pickFreePort());
  const startedAt = Date.now();
  await startServer(ctl, port);
  options.logger.info(
    { dataDir: ctl.layout.dataDir, port, ms: Date.now() - startedAt },
    "embedded PostgreSQL started",
  );
  return port;
}

function serverHandle(
  ctl: PgCtl,
  lock: DataFolderLock,
  port: number,
  password: string,
  logger: Logger,
): EmbeddedServer {
  let stopping: Promise<void> | undefined;
  const { dataDir } = ctl.layout;
  return {
    url: `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop() {
      stopping ??= shutDown(ctl, lock, port, logger);
      return stopping;
    },
  };
}

async function shutDown(
  ctl: PgCtl,
  lock: DataFolderLock,
  port: number,
  logger: Logger,
): Promise<void> {
  try {
    await stopRunningServer(ctl, logger);
    logger.info(
      { dataDir: ctl.layout.dataDir, port },
      "embedded PostgreSQL stopped",
    );
  } finally {
    await lock.release();
  }
}

/** A server that something else already stopped needs no stopping. */
async function stopRunningServer(ctl: PgCtl, logger: Logger): Promise<void> {
  try {
    await stopServer(ctl);
  } catch (error) {
    if (await isServerRunning(ctl)) throw error;
    logger.warn(
      { dataDir: ctl.layout.dataDir },
      "embedded PostgreSQL had already stopped",
    );
  }
}

function asServerError(error: unknown, dataDir: string): EmbeddedServerError {
  if (error instanceof EmbeddedServerError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new EmbeddedServerError(
    "EMBEDDED_SERVER_START_FAILED",
    `Embedded PostgreSQL could not start in ${dataDir}: ${reason}`,
    { cause: error },
  );
}
