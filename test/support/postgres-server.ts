/**
 * Gives the integration suites a PostgreSQL server: the one of DATABASE_URL
 * when it is set, else a private embedded server for this run. Each test
 * file then makes a database of its own on it.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "../../src/store/embedded/embedded-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    serverKind: "embedded" | "DATABASE_URL";
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide("serverUrl", external);
    project.provide("serverKind", "DATABASE_URL");
    return;
  }

  const dataDir = await mkdtemp(join(tmpdir(), "edupulse-test-pg-"));
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedServer({
    dataDir,
    logger: pino({ level: "warn" }),
  });
  project.provide("serverUrl", server.url);
  project.provide("serverKind", "embedded");

  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
