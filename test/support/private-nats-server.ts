/**
 * A nats-server of the caller's own on a spare port, with JetStream stored
 * on disk in a temporary folder so that its streams survive a restart: for
 * the tests and the fault harness that take NATS away under a running
 * service, without touching the machine's shared server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { pickFreePort } from "../../src/store/embedded/free-port.js";
import { delay } from "../../src/support/delay.js";

export interface PrivateNatsServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes what JetStream stored. */
  remove(): Promise<void>;
}

export async function privateNatsServer(): Promise<PrivateNatsServer> {
  const port = await pickFreePort();
  const storeDir = await mkdtemp(join(tmpdir(), "edupulse-nats-"));
  let child: ChildProcess | undefined;
  const server: PrivateNatsServer = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      const started = spawn(
        "nats-server",
        ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir],
        { stdio: "ignore" },
      );
      // A failed spawn also sets the exit code, which the wait below sees;
      // unheard, the error event would end the caller's process.
      started.on("error", () => {});
      child = started;
      await untilJetStreamAnswers(started, port);
    },
    async stop() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    },
    async remove() {
      await server.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function untilJetStreamAnswers(
  child: ChildProcess,
  port: number,
): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`nats-server exited at start (code ${child.exitCode})`);
    }
    try {
      const connection = await connect({
        servers: `nats://127.0.0.1:${port}`,
        maxReconnectAttempts: 0,
      });
      try {
        // Asks JetStream for the account: it answers once it is up.
        await jetstreamManager(connection);
      } finally {
        await connection.close();
      }
      return;
    } catch {
      await delay(50);
    }
  }
  throw new Error(`nats-server on port ${port} did not start with JetStream`);
}
