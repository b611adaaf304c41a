import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const cli = "dist/cli/main.js";

let dataDir: string;
let env: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "edupulse-cli-"));
  await chmod(dataDir, 0o755);
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  env = {
    ...rest,
    EMBEDDED_PG_DIR: join(dataDir, "pg"),
    CREDENTIALS_DIR: join(dataDir, "credentials"),
    LOG_LEVEL: "info",
    PORT: "0",
  };
});

afterAll(async () => {
  for (const child of children) {
    child.kill("SIGKILL");
  }
  // A killed serve leaves its server running; one more command stops it.
  await run(process.execPath, [cli, "migrate"], { env }).catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts `serve` and resolves once it logs that it runs. */
async function serve(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, "serve"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (line.includes("badge service running")) {
      return child;
    }
  }
  throw new Error("serve exited before it was running");
}

describe("the CLI on the embedded default", () => {
  it("runs the demo: one quiz at 96.5 earns Quiz Master", async () => {
    const { stdout } = await run(process.execPath, [cli, "demo"], { env });

    expect(stdout).toContain(
      '"badge_id": "11111111-1111-1111-1111-111111111111"',
    );
    expect(stdout).toContain('"reason": "Scored 90% or above on a quiz."');
  });

  it("refuses a second process on the data folder while serve runs, and recovers after serve is killed", async () => {
    const server = await serve();

    const second = await run(process.execPath, [cli, "migrate"], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(second).toMatchObject({ code: 1 });
    expect((second as { stderr: string }).stderr).toMatch(
      /in use by process \d+.*EMBEDDED_SERVER_BUSY/,
    );

    server.kill("SIGKILL");
    await once(server, "exit");
    const { stdout } = await run(process.execPath, [cli, "demo"], { env });
    expect(stdout).toContain("BadgeAwarded event");
  });

  it("refuses to serve an open API on an address others can reach", async () => {
    const outcome = await run(process.execPath, [cli, "serve"], {
      env: { ...env, HOST: "0.0.0.0" },
    }).catch((error: { code: number; stderr: string }) => error);

    expect(outcome).toMatchObject({ code: 1 });
    expect((outcome as { stderr: string }).stderr).toMatch(
      /API_TOKENS is empty.*HOST=0\.0\.0\.0.*INVALID_CONFIG/,
    );
  });

  it("stops serve on SIGTERM with exit code 0", async () => {
    const server = await serve();
    server.kill("SIGTERM");
    const [code] = await once(server, "exit");

    expect(code).toBe(0);
  });
});
