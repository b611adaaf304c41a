/**
 * The upstream of a service on NATS: publishes submissions to its ingest
 * subject under their event ids as message ids, and keeps which ones
 * JetStream acknowledged. Only a PubAck counts; a publish that failed or
 * timed out may still have been stored, so it is sent again under the same
 * id, and JetStream drops the repeat.
 */
import { publishEnvelope } from "../service/jetstream-client.js";
import type { RunNamespace } from "../service/nats-namespace.js";
import type { Submission } from "../workload.js";
import type { BatchSink } from "./paced-appender.js";

export class NatsPublisher implements BatchSink {
  /** Ids of the events JetStream acknowledged. */
  readonly acked = new Set<string>();
  /** Acks that named a repeat: an earlier attempt was stored unacknowledged. */
  repeats = 0;

  constructor(private readonly nats: RunNamespace) {}

  /** Throws unless every event of the batch is acknowledged by now. */
  async append(batch: readonly Submission[]): Promise<void> {
    const unacked = batch.filter(
      (submission) => !this.acked.has(submission.id),
    );
    const outcomes = await Promise.allSettled(
      unacked.map((submission) => this.publish(submission)),
    );
    const failed = outcomes.filter((outcome) => outcome.status === "rejected");
    if (failed[0]) {
      throw new Error(
        `${failed.length} of ${unacked.length} publishes unacknowledged`,
        { cause: failed[0].reason },
      );
    }
  }

  private async publish(submission: Submission): Promise<void> {
    const ack = await publishEnvelope(this.nats, submission);
    this.acked.add(submission.id);
    this.repeats += ack.duplicate ? 1 : 0;
  }
}
