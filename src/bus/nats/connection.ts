/**
 * The NATS connection: it must answer at start, then reconnects for as long
 * as the service runs, logging each change. Work pauses while it is away.
 */
import type { NatsConnection } from "@nats-io/nats-core";
import { connect } from "@nats-io/transport-node";
import type { Logger } from "pino";
import { BadgeServiceError } from "../../domain/errors.js";

export async function connectNats(
  url: string,
  logger: Logger,
): Promise<NatsConnection> {
  const connection = await connect({
    servers: url,
    name: "edupulse-badges",
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Every ack and publish is a request; a stack trace captured for each,
    // in case it times out, is work thrown away nearly every time.
    noAsyncTraces: true,
  }).catch((error: unknown) => {
    throw new BadgeServiceError(
      "NATS_UNREACHABLE",
      `NATS at ${url} does not answer`,
      {
        cause: error,
      },
    );
  });
  void logStatus(connection, logger);
  return connection;
}

async function logStatus(
  connection: NatsConnection,
  logger: Logger,
): Promise<void> {
  for await (const status of connection.status()) {
    if (status.type === "disconnect" || status.type === "reconnecting") {
      logger.warn(
        { nats: status.type },
        "NATS connection lost; work on it pauses",
      );
    } else if (status.type === "reconnect") {
      logger.info({ nats: status.type }, "NATS connection back");
    }
  }
}
