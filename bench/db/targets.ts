/**
 * The servers a benchmark runs on: the machine's PostgreSQL server (or the
 * one of DATABASE_URL), and a private embedded server in a temporary folder.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedServer } from "../../src/store/embedded/embedded-server.js";
import { silentLogger } from "../support/silent-logger.js";

export type TargetName = "server" | "embedded";

export interface Target {
  name: TargetName;
  /** Where fresh databases are created. */
  serverUrl: string;
  release(): Promise<void>;
}

export const localServerUrl = "postgres://postgres@127.0.0.1:5432/test";

export function openTarget(name: TargetName): Promise<Target> {
  return name === "server" ? openServer() : openEmbedded();
}

async function openServer(): Promise<Target> {
  const serverUrl = process.env.DATABASE_URL || localServerUrl;
  return { name: "server", serverUrl, release: async () => {} };
}

async function openEmbedded(): Promise<Target> {
  const dataDir = await mkdtemp(join(tmpdir(), "edupulse-bench-pg-"));
  // The server runs as the postgres OS user when we are root.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedServer({ dataDir, logger: silentLogger });
  return {
    name: "embedded",
    serverUrl: server.url,
    release: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
