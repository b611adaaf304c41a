/**
 * Submits events to the service's HTTP API as another service would, over
 * kept-alive connections. node:http rather than fetch: on two shared cores
 * the load generator's own CPU must stay small beside the service's.
 */
import { Agent, request } from "node:http";
import { encodeEnvelope } from "../../src/domain/envelope-codec.js";
import type { Envelope } from "../../src/domain/events.js";
import { delay } from "../../src/support/delay.js";

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export async function postEvents(
  baseUrl: string,
  envelopes: readonly Envelope[],
): Promise<void> {
  const [only] = envelopes;
  const single = envelopes.length === 1 && only !== undefined;
  const body = JSON.stringify(
    single ? encodeEnvelope(only) : { events: envelopes.map(encodeEnvelope) },
  );
  const path = single ? "/v1/events" : "/v1/events/batch";
  const { status, text } = await post(new URL(path, baseUrl), body);
  if (status !== 202) {
    throw new Error(`HTTP ${status} from ${path}: ${text}`);
  }
}

function post(
  url: URL,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        agent,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (part: string) => {
          text += part;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Waits until the API answers its readiness probe. */
export async function waitUntilReady(
  baseUrl: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isReady(baseUrl))) {
    if (Date.now() > deadline) {
      throw new Error(`the API at ${baseUrl} was not ready in ${timeoutMs} ms`);
    }
    await delay(50);
  }
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
