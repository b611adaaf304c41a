import { once } from "node:events";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { readSse } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";

// Streams cut off at the end of the grace fail to read, so the ended
// streams below show the server ended them itself.
const subject = useTestApi({
  limits: { heartbeatMs: 60_000, closeGraceMs: 500 },
});

/** A connection such as a client's pool opens ahead and may never use. */
async function openUnusedConnection(): Promise<net.Socket> {
  const { port } = new URL(subject.url);
  const socket = net.connect(Number(port), "127.0.0.1");
  await once(socket, "connect");
  return socket;
}

describe("shutting the API down", () => {
  it("ends every open award stream and closes connections never used", async () => {
    const streams = await Promise.all(
      [1, 2, 3].map(() => fetch(`${subject.url}/v1/awards/stream`)),
    );
    for (const stream of streams) {
      expect(stream.status).toBe(200);
    }
    const reads = streams.map((stream) =>
      readSse(stream, { timeoutMs: 5_000 }),
    );
    const unused = await openUnusedConnection();
    const unusedClosed = once(unused, "close");

    await subject.api.close();

    for (const read of await Promise.all(reads)) {
      expect(read.ended).toBe(true);
      expect(read.raw).toBe(": connected\n\n");
    }
    await unusedClosed;
    expect(unused.destroyed).toBe(true);
  });

  it("refuses new connections once closed", async () => {
    await expect(fetch(`${subject.url}/healthz`)).rejects.toThrow();
  });
});
