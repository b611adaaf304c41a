/** Runs a PostgreSQL program directly, no shell, as the cluster's OS user. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { RunAs } from "./os-user.js";

const execFileAsync = promisify(execFile);

/** Upper bound for initdb and pg_ctl, so a wedged program cannot hang startup. */
const toolTimeoutMs = 180_000;

export interface ToolContext {
  readonly runAs: RunAs | undefined;
  /** A folder the OS user can enter; programs complain about any other. */
  readonly cwd: string;
}

export interface ToolOutput {
  readonly stdout: string;
  readonly stderr: string;
}

export async function runTool(
  file: string,
  args: readonly string[],
  context: ToolContext,
): Promise<ToolOutput> {
  const { stdout, stderr } = await execFileAsync(file, args, {
    cwd: context.cwd,
    encoding: "utf8",
    timeout: toolTimeoutMs,
    windowsHide: true,
    ...context.runAs,
  });
  return { stdout, stderr };
}

/** What a failed run left behind: its exit code and what it printed. */
export function toolFailure(error: unknown): {
  exitCode: number | undefined;
  output: string;
} {
  const failure = error as {
    code?: unknown;
    stderr?: unknown;
    stdout?: unknown;
  };
  const exitCode = typeof failure.code === "number" ? failure.code : undefined;
  const printed = [failure.stderr, failure.stdout]
    .filter((text): text is string => typeof text === "string")
    .map((text) => text.trim())
    .filter((text) => text !== "")
    .join("\n");
  const output =
    printed || (error instanceof Error ? error.message : String(error));
  return { exitCode, output };
}
