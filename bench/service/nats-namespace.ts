/**
 * JetStream for one measured run: the machine's NATS server (or the one of
 * NATS_URL, or a private one of a fault run) and a namespace of the run's own, whose streams the service
 * declares at start. They are deleted afterwards, so no run meets another's
 * messages and nothing is left behind on a server others use.
 */
import { randomBytes } from "node:crypto";
import {
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { type Topology, topologyFor } from "../../src/bus/nats/topology.js";
import type { NatsSettings } from "./child.js";

export const benchNatsUrl = process.env.NATS_URL || "nats://127.0.0.1:4222";

export interface RunNamespace {
  /** For the service process. */
  settings: NatsSettings;
  topology: Topology;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/** `url`: a server of the caller's own, such as one it restarts. */
export async function withNatsNamespace<T>(
  work: (nats: RunNamespace) => Promise<T>,
  url = benchNatsUrl,
): Promise<T> {
  const connection = await connect({
    servers: url,
    name: "edupulse-bench",
    // Only a server the caller restarts goes away; wait for it to return.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 200,
  }).catch((error: unknown) => {
    throw new Error(`NATS at ${url} does not answer (NATS_URL)`, {
      cause: error,
    });
  });
  const namespace = `bench${randomBytes(5).toString("hex")}`;
  const topology = topologyFor(namespace);
  try {
    const jsm = await jetstreamManager(connection);
    try {
      return await work({
        settings: { url, namespace },
        topology,
        js: jetstream(connection),
        jsm,
      });
    } finally {
      // A service that failed to start may have declared none of them.
      for (const stream of [topology.eventsStream, topology.badgesStream]) {
        await jsm.streams.delete(stream).catch(() => false);
      }
    }
  } finally {
    await connection.close();
  }
}
