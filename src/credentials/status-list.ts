/**
 * The W3C Bitstring Status List of revocations. An award's place in a list
 * is its BadgeAwarded event's global position, stable for ever and known
 * without any table of its own. A list holds 131,072 entries, the minimum
 * size the specification sets so that a list tells little about any one
 * credential.
 */
import { gunzipSync, gzipSync } from "node:zlib";

export const statusListLength = 131_072;

export interface StatusPlace {
  list: number;
  index: number;
}

export function statusPlaceOf(position: number): StatusPlace {
  return {
    list: Math.floor(position / statusListLength),
    index: position % statusListLength,
  };
}

export function positionsOfList(list: number): { from: number; to: number } {
  return { from: list * statusListLength, to: (list + 1) * statusListLength };
}

/** Multibase base64url (`u`) of the GZIP of the bits; bit 0 is the first byte's highest. */
export function encodeStatusList(setIndexes: Iterable<number>): string {
  const bits = new Uint8Array(statusListLength / 8);
  for (const index of setIndexes) {
    bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  }
  return `u${gzipSync(bits).toString("base64url")}`;
}

/** The bit at `index`, or undefined when the list is malformed or shorter. */
export function statusBit(
  encodedList: string,
  index: number,
): boolean | undefined {
  if (!encodedList.startsWith("u") || !Number.isInteger(index) || index < 0) {
    return undefined;
  }
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(encodedList.slice(1), "base64url"));
  } catch {
    return undefined;
  }
  const byte = bits[index >> 3];
  return byte === undefined ? undefined : (byte & (0x80 >> (index & 7))) !== 0;
}
