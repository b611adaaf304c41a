import { describe, expect, it } from "vitest";
import { readSse } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";

const subject = useTestApi({ limits: { heartbeatMs: 60_000 } });

describe("shutting the API down", () => {
  it("ends every open award stream at once", async () => {
    const streams = await Promise.all(
      [1, 2, 3].map(() => fetch(`${subject.url}/v1/awards/stream`)),
    );
    for (const stream of streams) {
      expect(stream.status).toBe(200);
    }
    const reads = streams.map((stream) =>
      readSse(stream, { timeoutMs: 5_000 }),
    );

    const started = Date.now();
    await subject.api.close();

    for (const read of await Promise.all(reads)) {
      expect(read.ended).toBe(true);
      expect(read.raw).toBe(": connected\n\n");
    }
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("refuses new connections once closed", async () => {
    await expect(fetch(`${subject.url}/healthz`)).rejects.toThrow();
  });
});
