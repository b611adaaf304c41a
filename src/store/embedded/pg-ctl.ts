/**
 * Starts, stops and probes the server through pg_ctl, which detaches the
 * server from our process: it keeps running if we are killed.
 */
import { EmbeddedServerError } from "./errors.js";
import type { DataFolderLayout } from "./layout.js";
import { runTool, type ToolContext, toolFailure } from "./run-tool.js";
import { readLogTail } from "./server-log.js";

export interface PgCtl {
  readonly pgCtl: string;
  readonly layout: DataFolderLayout;
  readonly tool: ToolContext;
}

/** Seconds pg_ctl waits for the server to come up or go down. */
const waitSeconds = "60";

/** pg_ctl status exits 3 when no server runs, 4 when pgdata is unusable. */
const notRunningExitCodes = new Set([3, 4]);

export async function isServerRunning(ctl: PgCtl): Promise<boolean> {
  try {
    await runTool(ctl.pgCtl, ["status", "-D", ctl.layout.pgdata], ctl.tool);
    return true;
  } catch (error) {
    const { exitCode } = toolFailure(error);
    if (exitCode !== undefined && notRunningExitCodes.has(exitCode)) {
      return false;
    }
    throw error;
  }
}

export async function startServer(ctl: PgCtl, port: number): Promise<void> {
  const { pgdata, serverLog } = ctl.layout;
  const args = [
    "start",
    "-w",
    "-t",
    waitSeconds,
    "-D",
    pgdata,
    "-l",
    serverLog,
  ];
  try {
    await runTool(ctl.pgCtl, [...args, "-o", serverOptions(port)], ctl.tool);
  } catch (error) {
    throw await startFailure(ctl, port, error);
  }
}

export async function stopServer(ctl: PgCtl): Promise<void> {
  const { pgdata } = ctl.layout;
  const args = ["stop", "-m", "fast", "-w", "-t", waitSeconds, "-D", pgdata];
  await runTool(ctl.pgCtl, args, ctl.tool);
}

/**
 * One string, as pg_ctl passes it to the server through a shell. Reachable
 * only over TCP on loopback; durability settings stay at their safe defaults.
 */
function serverOptions(port: number): string {
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c idle_in_transaction_session_timeout=60s",
  ];
  if (process.platform !== "win32") {
    options.push("-c unix_socket_directories=''");
  }
  return options.join(" ");
}

async function startFailure(
  ctl: PgCtl,
  port: number,
  error: unknown,
): Promise<EmbeddedServerError> {
  const { dataDir, serverLog } = ctl.layout;
  const tail = await readLogTail(serverLog);
  return new EmbeddedServerError(
    "EMBEDDED_SERVER_START_FAILED",
    `PostgreSQL in ${dataDir} did not start on port ${port}.\n` +
      `pg_ctl said:\n${toolFailure(error).output}\n` +
      `Last lines of ${serverLog}:\n${tail}`,
    { cause: error },
  );
}
