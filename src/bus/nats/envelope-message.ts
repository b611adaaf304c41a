/**
 * How a stored event travels on NATS: the wire envelope as JSON, its id as
 * the message id (which JetStream deduplicates), and its place in the store
 * in headers, so a receiver can tell where it stands.
 */
import { type MsgHdrs, headers as natsHeaders } from "@nats-io/nats-core";
import { encodeEnvelope } from "../../domain/envelope-codec.js";
import type { StoredEvent } from "../../store/stored-event.js";

const positionHeader = "Edupulse-Position";
const transactionHeader = "Edupulse-Transaction";
const recordedHeader = "Edupulse-Recorded-At";

export function messageOf(event: StoredEvent): {
  body: string;
  headers: MsgHdrs;
} {
  const headers = natsHeaders();
  headers.set(positionHeader, String(event.cursor.position));
  headers.set(transactionHeader, event.cursor.transactionId);
  headers.set(recordedHeader, event.recordedAt.toISOString());
  return { body: JSON.stringify(encodeEnvelope(event.envelope)), headers };
}

export function storedPlaceOf(headers: MsgHdrs | undefined) {
  return {
    cursor: {
      position: Number(headers?.get(positionHeader) ?? 0),
      transactionId: headers?.get(transactionHeader) || "0",
    },
    recordedAt: new Date(headers?.get(recordedHeader) || Date.now()),
  };
}
