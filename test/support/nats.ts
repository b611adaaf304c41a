/**
 * NATS for tests: the machine's JetStream server (NATS_URL or
 * 127.0.0.1:4222), or a private one (private-nats-server.ts), a namespace
 * per test file so runs do not meet, and a client that publishes as the
 * service's upstream would.
 */
import { randomBytes } from "node:crypto";
import {
  type JetStreamClient,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import { topologyFor } from "../../src/bus/nats/topology.js";
import { encodeEnvelope } from "../../src/domain/envelope-codec.js";
import type { Envelope } from "../../src/domain/events.js";
import { delay } from "../../src/support/delay.js";

export const natsUrl = process.env.NATS_URL ?? "nats://127.0.0.1:4222";

export function uniqueNamespace(): string {
  return `t${randomBytes(5).toString("hex")}`;
}

export interface NatsClient {
  connection: NatsConnection;
  js: JetStreamClient;
  namespace: string;
  publish(
    envelope: Envelope | string,
    subjectType?: string,
    msgID?: string,
  ): Promise<void>;
  /** Count of messages in the service's badges stream. */
  badgesPublished(): Promise<number>;
  /** Resolves once a service has declared the namespace's streams. */
  streamsDeclared(timeoutMs?: number): Promise<void>;
  /** Deletes the namespace's streams and closes the connection. */
  close(): Promise<void>;
}

export async function natsClient(
  namespace: string,
  url = natsUrl,
): Promise<NatsClient> {
  const connection = await connect({
    servers: url,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 200,
  });
  const js = jetstream(connection);
  const topology = topologyFor(namespace);
  return {
    connection,
    js,
    namespace,
    async publish(envelope, subjectType, msgID) {
      const body =
        typeof envelope === "string"
          ? envelope
          : JSON.stringify(encodeEnvelope(envelope));
      const type =
        subjectType ??
        (typeof envelope === "string" ? "QuizSubmitted" : envelope.event.type);
      await js.publish(
        `${namespace}.events.${type}`,
        body,
        msgID ? { msgID } : {},
      );
    },
    async badgesPublished() {
      const jsm = await jetstreamManager(connection);
      return (await jsm.streams.info(topology.badgesStream)).state.messages;
    },
    async streamsDeclared(timeoutMs = 30_000) {
      const jsm = await jetstreamManager(connection);
      const deadline = Date.now() + timeoutMs;
      while (
        !(await jsm.streams.info(topology.eventsStream).catch(() => undefined))
      ) {
        if (Date.now() > deadline) {
          throw new Error("no service declared the streams in time");
        }
        await delay(100);
      }
    },
    async close() {
      const jsm = await jetstreamManager(connection);
      for (const stream of [topology.eventsStream, topology.badgesStream]) {
        await jsm.streams.delete(stream).catch(() => false);
      }
      await connection.close();
    },
  };
}

/** Publishes, retrying while the server is away; safe because ids deduplicate. */
export async function publishPatiently(
  client: NatsClient,
  envelope: Envelope,
): Promise<void> {
  for (;;) {
    try {
      await client.publish(envelope, undefined, envelope.id);
      return;
    } catch {
      await delay(100);
    }
  }
}
