import { randomUUID } from "node:crypto";
import type { JetStreamClient, JsMsg } from "@nats-io/jetstream";
import type pg from "pg";
import type { Logger } from "pino";
import { describe, expect, it, vi } from "vitest";
import { JetStreamIngest } from "../../../src/bus/nats/jetstream-ingest.js";
import { topologyFor } from "../../../src/bus/nats/topology.js";
import { encodeEnvelope } from "../../../src/domain/envelope-codec.js";
import type { Envelope } from "../../../src/domain/events.js";
import type { GroupCommitAppender } from "../../../src/ingest/group-commit.js";
import { quizSubmitted } from "../../support/events.js";

const topology = topologyFor("unit");

/** A message as the consumer hands it over, with its settling recorded. */
function messageOf(envelope: Envelope, ackAck: () => Promise<boolean>) {
  return {
    data: new TextEncoder().encode(JSON.stringify(encodeEnvelope(envelope))),
    subject: `unit.events.${envelope.event.type}`,
    seq: 1,
    ackAck: vi.fn(ackAck),
    nak: vi.fn(),
    term: vi.fn(),
  };
}

/** Runs the ingest over the given messages until all are settled. */
async function ingestAll(
  messages: ReturnType<typeof messageOf>[],
  append: GroupCommitAppender["append"],
) {
  const warnings: string[] = [];
  const logger = {
    child: () => logger,
    warn: (_fields: unknown, message: string) => warnings.push(message),
  } as unknown as Logger;
  const consumed = Object.assign(
    (async function* () {
      yield* messages as unknown as JsMsg[];
    })(),
    { close: async () => {} },
  );
  const js = {
    consumers: { get: async () => ({ consume: async () => consumed }) },
  } as unknown as JetStreamClient;
  const onIngested = vi.fn();
  const ingest = new JetStreamIngest({
    js,
    pool: {} as pg.Pool,
    ingest: { append } as GroupCommitAppender,
    topology,
    logger,
    onIngested,
  });
  await ingest.start();
  await ingest.stop();
  return { warnings, onIngested };
}

const storedAsNew: GroupCommitAppender["append"] = async (envelopes) =>
  envelopes.map((envelope) => ({
    id: envelope.id,
    position: 1,
    duplicate: false,
  }));

describe("JetStream ingest settling a message", () => {
  it("counts an event stored whose ack is lost, and neither naks it nor calls it unstored", async () => {
    const message = messageOf(quizSubmitted(randomUUID(), 95), async () => {
      throw new Error("timeout");
    });

    const { warnings, onIngested } = await ingestAll([message], storedAsNew);

    expect(onIngested).toHaveBeenCalledWith(["QuizSubmitted"]);
    expect(message.nak).not.toHaveBeenCalled();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^event stored/);
  });

  it("naks an event the store did not take, for a redelivery, and counts nothing", async () => {
    const message = messageOf(
      quizSubmitted(randomUUID(), 95),
      async () => true,
    );

    const { warnings, onIngested } = await ingestAll([message], async () => {
      throw new Error("database unavailable");
    });

    expect(message.nak).toHaveBeenCalledOnce();
    expect(message.ackAck).not.toHaveBeenCalled();
    expect(onIngested).not.toHaveBeenCalled();
    expect(warnings).toEqual(["event not stored; redelivery later"]);
  });

  it("acks and counts an event stored as new", async () => {
    const message = messageOf(
      quizSubmitted(randomUUID(), 95),
      async () => true,
    );

    const { warnings, onIngested } = await ingestAll([message], storedAsNew);

    expect(message.ackAck).toHaveBeenCalledOnce();
    expect(onIngested).toHaveBeenCalledWith(["QuizSubmitted"]);
    expect(warnings).toEqual([]);
  });
});
