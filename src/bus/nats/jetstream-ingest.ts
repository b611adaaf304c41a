/**
 * Feeds events that other services publish on JetStream into the event
 * store. A message is acknowledged (and the ack confirmed) only after the
 * transaction holding its event committed, so a crash at any point leads to
 * a redelivery, which the store absorbs by event id. A message that is not
 * a valid envelope is dead-lettered with its reason and terminated, so it is
 * neither retried for ever nor in the way of the ones behind it.
 */
import type {
  ConsumerMessages,
  JetStreamClient,
  JsMsg,
} from "@nats-io/jetstream";
import type pg from "pg";
import type { Logger } from "pino";
import { v5 as uuidv5 } from "uuid";
import { decodeEnvelope } from "../../domain/envelope-codec.js";
import { ValidationError } from "../../domain/errors.js";
import type { Envelope } from "../../domain/events.js";
import type { GroupCommitAppender } from "../../ingest/group-commit.js";
import { assertIngestible } from "../../ingest/ingestible.js";
import {
  type DeadLetter,
  recordDeadLetters,
} from "../../store/dead-letters.js";
import type { AppendResult } from "../../store/stored-event.js";
import type { Topology } from "./topology.js";

export interface JetStreamIngestParts {
  js: JetStreamClient;
  pool: pg.Pool;
  ingest: GroupCommitAppender;
  topology: Topology;
  logger: Logger;
  /** Called with the types of newly stored events, for metrics. */
  onIngested?: (types: string[]) => void;
}

/** Messages in hand at once: enough for group commit to fill transactions. */
const inFlightLimit = 512;
const retryDelayMs = 2000;
const deadLetterName = "nats-ingest";
const messageIdNamespace = "8a3f0c52-6e1d-5b7a-9c4e-2d1f0a9b8c7d";

export class JetStreamIngest {
  private messages: ConsumerMessages | undefined;
  private running: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly logger: Logger;

  constructor(private readonly parts: JetStreamIngestParts) {
    this.logger = parts.logger.child({ ingest: "jetstream" });
  }

  async start(): Promise<void> {
    const { js, topology } = this.parts;
    const consumer = await js.consumers.get(
      topology.eventsStream,
      topology.ingestConsumer,
    );
    this.messages = await consumer.consume({ max_messages: inFlightLimit });
    this.running = this.consumeAll(this.messages);
  }

  /** Stops taking messages and waits for those in hand to be settled. */
  async stop(): Promise<void> {
    await this.messages?.close();
    await this.running;
    await Promise.all(this.inFlight);
  }

  private async consumeAll(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      const handling = this.handle(message).finally(() =>
        this.inFlight.delete(handling),
      );
      this.inFlight.add(handling);
      if (this.inFlight.size >= inFlightLimit) {
        await Promise.race(this.inFlight);
      }
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    let envelope: Envelope;
    try {
      envelope = this.decode(message);
    } catch (error) {
      await this.reject(message, error);
      return;
    }
    let result: AppendResult | undefined;
    try {
      [result] = await this.parts.ingest.append([envelope]);
    } catch (error) {
      this.logger.warn(
        { err: error, seq: message.seq },
        "event not stored; redelivery later",
      );
      message.nak(retryDelayMs);
      return;
    }
    // Counted once stored: its redelivery, should the ack be lost, is a
    // duplicate and would never be counted.
    if (result && !result.duplicate) {
      this.parts.onIngested?.([envelope.event.type]);
    }
    await this.confirmAck(message);
  }

  /**
   * A lost ack leaves the stored event to be redelivered and absorbed by id;
   * no nak, which would tell the server the event was not handled.
   */
  private async confirmAck(message: JsMsg): Promise<void> {
    try {
      await message.ackAck();
    } catch (error) {
      this.logger.warn(
        { err: error, seq: message.seq },
        "event stored, its ack not confirmed; a redelivery is absorbed by id",
      );
    }
  }

  private decode(message: JsMsg): Envelope {
    const envelope = decodeEnvelope(parseJson(message.data));
    assertIngestible(envelope);
    const subjectType = message.subject.split(".").at(-1);
    if (subjectType !== envelope.event.type) {
      throw new ValidationError("INVALID_EVENT", [
        {
          field: "event.type",
          reason: `is ${envelope.event.type} but the subject ${message.subject} says ${subjectType}`,
        },
      ]);
    }
    return envelope;
  }

  private async reject(message: JsMsg, error: unknown): Promise<void> {
    const letter = deadLetterOf(message, error, this.parts.topology);
    try {
      await recordDeadLetters(this.parts.pool, deadLetterName, [letter]);
    } catch (recordError) {
      this.logger.warn(
        { err: recordError },
        "dead letter not recorded; redelivery later",
      );
      message.nak(retryDelayMs);
      return;
    }
    this.logger.warn(
      { seq: message.seq, subject: message.subject, code: letter.code },
      `message dead-lettered: ${letter.reason}`,
    );
    message.term(letter.reason);
  }
}

function parseJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data));
  } catch {
    throw new ValidationError("INVALID_EVENT", [
      { field: "", reason: "is not valid JSON" },
    ]);
  }
}

function deadLetterOf(
  message: JsMsg,
  error: unknown,
  topology: Topology,
): DeadLetter {
  const body = new TextDecoder().decode(message.data);
  const validation = error instanceof ValidationError ? error : undefined;
  return {
    eventId:
      envelopeIdIn(body) ??
      uuidv5(`${topology.eventsStream}/${message.seq}`, messageIdNamespace),
    position: null,
    eventName: message.subject.split(".").at(-1) ?? "",
    code: validation?.code ?? "INVALID_EVENT",
    reason: validation?.message ?? String(error),
    subject: message.subject,
    body: body.slice(0, 65_536),
  };
}

/** The message's own id, when it has a usable one, names the dead letter. */
function envelopeIdIn(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    const uuid =
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    return typeof id === "string" && uuid.test(id)
      ? id.toLowerCase()
      : undefined;
  } catch {
    return undefined;
  }
}
