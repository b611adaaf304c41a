import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  encodeStatusList,
  positionsOfList,
  statusBit,
  statusListLength,
  statusPlaceOf,
} from "../../src/credentials/status-list.js";

describe("the bitstring status list", () => {
  it("sets exactly the bits given, counting from the first byte's highest bit", () => {
    const encoded = encodeStatusList([0, 9, statusListLength - 1]);

    const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    expect(encoded.startsWith("u")).toBe(true);
    expect(bits.length).toBe(statusListLength / 8);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits.at(-1)).toBe(0b0000_0001);
    expect(
      [0, 1, 8, 9, 10, statusListLength - 1].map((i) => statusBit(encoded, i)),
    ).toEqual([true, false, false, true, false, true]);
  });

  it("reads the empty list of the W3C Bitstring Status List specification's example", () => {
    // The encodedList of the example status list credential in W3C's
    // "Bitstring Status List v1.0": 131,072 bits, none set.
    const w3cExample =
      "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";
    expect(statusBit(w3cExample, 0)).toBe(false);
    expect(statusBit(w3cExample, statusListLength - 1)).toBe(false);
    expect(statusBit(w3cExample, statusListLength)).toBeUndefined();
  });

  it("answers nothing for a malformed list or index", () => {
    expect(statusBit("zNotBase64url", 0)).toBeUndefined();
    expect(statusBit("unot-gzip", 0)).toBeUndefined();
    expect(statusBit(encodeStatusList([]), -1)).toBeUndefined();
    expect(statusBit(encodeStatusList([]), 1.5)).toBeUndefined();
  });

  it("places an award by the global position of its BadgeAwarded event", () => {
    expect(statusPlaceOf(5)).toEqual({ list: 0, index: 5 });
    expect(statusPlaceOf(statusListLength + 3)).toEqual({ list: 1, index: 3 });
    expect(positionsOfList(2)).toEqual({
      from: 2 * statusListLength,
      to: 3 * statusListLength,
    });
  });
});
