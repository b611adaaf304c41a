import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  access,
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile,
} from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import {
  type EmbeddedServer,
  EmbeddedServerError,
  startEmbeddedServer,
} from "../../src/store/embedded/embedded-server.js";

const logger = pino({ level: "silent" });
const running: EmbeddedServer[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const server of running.splice(0).reverse()) await server.stop();
  for (const dir of tempDirs.splice(0)) {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);

/** A data folder inside a temp dir the postgres OS user can enter. */
async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "embedded-pg-"));
  await chmod(dir, 0o755);
  tempDirs.push(dir);
  return path.join(dir, "data");
}

async function start(dataDir: string, port?: number): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer({
    dataDir,
    logger,
    ...(port === undefined ? {} : { port }),
  });
  running.push(server);
  return server;
}

function forget(server: EmbeddedServer): void {
  running.splice(running.indexOf(server), 1);
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function pidOfFinishedProcess(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await once(child, "exit");
  if (child.pid === undefined) throw new Error("child got no pid");
  return child.pid;
}

/** Fast shutdown by signal, the way an operator or the OS might do it. */
async function shutDownBehindItsBack(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "pgdata", "postmaster.pid");
  const [firstLine] = (await readFile(pidFile, "utf8")).split("\n");
  process.kill(Number(firstLine), "SIGINT");
  while (await stillThere(pidFile)) await sleep(50);
}

async function stillThere(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function occupyPort(): Promise<{ port: number; close(): void }> {
  const blocker = createServer();
  blocker.listen(0, "127.0.0.1");
  await once(blocker, "listening");
  const address = blocker.address();
  if (typeof address !== "object" || address === null) throw new Error();
  return { port: address.port, close: () => blocker.close() };
}

describe("embedded PostgreSQL server", { timeout: 30_000 }, () => {
  it("starts a server that answers queries", async () => {
    const server = await start(await freshDataDir());

    expect(server.url).toMatch(
      /^postgres:\/\/postgres:.+@127\.0\.0\.1:\d+\/postgres$/,
    );
    expect(await query(server.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("refuses a second start on a data folder that is in use", async () => {
    const dataDir = await freshDataDir();
    const first = await start(dataDir);

    const second = startEmbeddedServer({ dataDir, logger });

    await expect(second).rejects.toBeInstanceOf(EmbeddedServerError);
    await expect(second).rejects.toMatchObject({
      code: "EMBEDDED_SERVER_BUSY",
      message: expect.stringContaining(`in use by process ${process.pid}`),
    });
    expect(await query(first.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("keeps data across a stop and a restart", async () => {
    const dataDir = await freshDataDir();
    const first = await start(dataDir);
    await query(
      first.url,
      "create table kept (id int); insert into kept values (7)",
    );
    await first.stop();

    const second = await start(dataDir);

    expect(await query(second.url, "select id from kept")).toEqual([{ id: 7 }]);
  });

  it("stops twice without failing", async () => {
    const server = await start(await freshDataDir());

    await server.stop();

    await expect(server.stop()).resolves.toBeUndefined();
  });

  it("recovers a data folder whose owner died with its server running", async () => {
    const dataDir = await freshDataDir();
    const orphan = await start(dataDir);
    await query(
      orphan.url,
      "create table kept (id int); insert into kept values (7)",
    );
    forget(orphan);
    const deadPid = await pidOfFinishedProcess();
    await writeFile(path.join(dataDir, "owner.lock"), String(deadPid));

    const recovered = await start(dataDir);

    expect(await query(recovered.url, "select id from kept")).toEqual([
      { id: 7 },
    ]);
  });

  it("initialises afresh over an interrupted initialisation", async () => {
    const dataDir = await freshDataDir();
    await mkdir(path.join(dataDir, "pgdata", "base"), { recursive: true });
    await writeFile(path.join(dataDir, "pgdata", "leftover"), "partial");

    const server = await start(dataDir);

    expect(await query(server.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("stops a server that something else already stopped", async () => {
    const dataDir = await freshDataDir();
    const server = await start(dataDir);
    await shutDownBehindItsBack(dataDir);

    await expect(server.stop()).resolves.toBeUndefined();
  });

  it("reports the server log when the server cannot start", async () => {
    const dataDir = await freshDataDir();
    const blocker = await occupyPort();
    try {
      const failed = startEmbeddedServer({
        dataDir,
        logger,
        port: blocker.port,
      });

      await expect(failed).rejects.toMatchObject({
        code: "EMBEDDED_SERVER_START_FAILED",
        message: expect.stringMatching(
          /could not bind|could not create listen socket/,
        ),
      });
    } finally {
      blocker.close();
    }
  });

  it("frees the data folder after a failed start", async () => {
    const dataDir = await freshDataDir();
    const blocker = await occupyPort();
    await expect(
      startEmbeddedServer({ dataDir, logger, port: blocker.port }),
    ).rejects.toThrow();
    blocker.close();

    const server = await start(dataDir);

    expect(await query(server.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });
});
