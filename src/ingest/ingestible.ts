/**
 * Which events others may submit. Follow-up events such as BadgeAwarded
 * are written by this service alone, in the transaction of their award.
 */
import { ValidationError } from "../domain/errors.js";
import {
  type Envelope,
  type EventType,
  eventTypes,
  followUpTypes,
} from "../domain/events.js";

export const ingestibleTypes: readonly EventType[] = eventTypes.filter(
  (type) => !(followUpTypes as readonly EventType[]).includes(type),
);

export function assertIngestible(
  envelope: Envelope,
  field = "event.type",
): void {
  if (!ingestibleTypes.includes(envelope.event.type)) {
    throw new ValidationError("EVENT_TYPE_NOT_ACCEPTED", [
      {
        field,
        reason: `${envelope.event.type} is recorded by this service only; accepted: ${ingestibleTypes.join(", ")}`,
      },
    ]);
  }
}
