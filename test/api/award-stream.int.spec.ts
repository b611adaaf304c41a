import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { delay } from "../../src/support/delay.js";
import {
  awardOf,
  perfectScoreId,
  postJson,
  quizEnvelope,
  quizMasterId,
  readSse,
  type SseMessage,
} from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { caughtUp } from "../support/test-service.js";

const heartbeatMs = 50;
const slowClientMs = 200;
const subject = useTestApi({ limits: { heartbeatMs, slowClientMs } });

function openStream(
  query = "",
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${subject.url}/v1/awards/stream${query}`, { headers });
}

async function postQuiz(learnerId: string, score: number): Promise<void> {
  const response = await postJson(
    `${subject.url}/v1/events`,
    quizEnvelope(learnerId, score),
  );
  expect(response.status).toBe(202);
}

/** Global positions of the stored awards, in the order readers see them. */
async function awardPositions(learnerId?: string): Promise<number[]> {
  const { rows } = await subject.database.pool.query<{ position: string }>(
    `SELECT global_position AS position FROM event_store
     WHERE event_name = 'BadgeAwarded'
       AND ($1::text IS NULL OR payload->'payload'->>'learner_id' = $1)
     ORDER BY transaction_id, global_position`,
    [learnerId ?? null],
  );
  return rows.map((row) => Number(row.position));
}

const positionOf = (message: SseMessage | undefined) => Number(message?.id);

describe("the award stream", () => {
  it("resumes after the `after` position exactly as after Last-Event-ID", async () => {
    const learner = randomUUID();
    await postQuiz(learner, 100);
    await caughtUp(subject.service);
    const [firstAward, secondAward] = await awardPositions(learner);
    expect(secondAward).toBeDefined();

    const byQuery = await readSse(
      await openStream(`?after=${firstAward}&learner_id=${learner}`),
      { count: 1 },
    );
    const byHeader = await readSse(
      await openStream(`?learner_id=${learner}`, {
        "last-event-id": String(firstAward),
      }),
      { count: 1 },
    );

    expect(byQuery.messages).toHaveLength(1);
    expect(byQuery.messages).toEqual(byHeader.messages);
    expect(positionOf(byQuery.messages[0])).toBe(secondAward);
    expect(byQuery.messages[0]?.event).toBe("BadgeAwarded");
  });

  it("prefers Last-Event-ID over the `after` position", async () => {
    const learner = randomUUID();
    await postQuiz(learner, 100);
    await caughtUp(subject.service);
    const [firstAward, secondAward] = await awardPositions(learner);

    const read = await readSse(
      await openStream(`?after=0&learner_id=${learner}`, {
        "last-event-id": String(firstAward),
      }),
      { count: 1 },
    );

    expect(read.messages.map(positionOf)).toEqual([secondAward]);
  });

  it("starts with the awards made after connecting when given no position", async () => {
    const earlier = randomUUID();
    await postQuiz(earlier, 100);
    await caughtUp(subject.service);
    await delay(100);

    const live = await openStream();
    const learner = randomUUID();
    await postQuiz(learner, 95);
    const read = await readSse(live, { count: 1 });

    expect(read.messages.map(awardOf)).toEqual([
      { badgeId: quizMasterId, learnerId: learner },
    ]);
  });

  it("sends only the chosen learner's awards when filtered by learner", async () => {
    const learner = randomUUID();
    const live = await openStream(`?learner_id=${learner}`);
    await postQuiz(randomUUID(), 100);
    await postQuiz(learner, 100);

    const read = await readSse(live, { count: 2 });

    expect(read.messages.map(awardOf)).toEqual([
      { badgeId: quizMasterId, learnerId: learner },
      { badgeId: perfectScoreId, learnerId: learner },
    ]);
  });

  it("sends heartbeat comments while no award is made", async () => {
    const response = await openStream(`?learner_id=${randomUUID()}`);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache");

    const read = await readSse(response, { timeoutMs: heartbeatMs * 8 });

    expect(read.messages).toEqual([]);
    expect(read.raw.startsWith(": connected\n\n")).toBe(true);
    expect(
      read.raw.match(/^: heartbeat$/gm)?.length ?? 0,
    ).toBeGreaterThanOrEqual(3);
  });

  it("drops a client that stops reading, which then resumes with Last-Event-ID", async () => {
    await caughtUp(subject.service);
    const awardsBefore = (await awardPositions()).length;
    const serverSockets = new Map<number | undefined, Socket>();
    const track = (socket: Socket) => {
      serverSockets.set(socket.remotePort, socket);
    };
    subject.api.server.on("connection", track);
    const slow = await openPausedStream(
      `${subject.url}/v1/awards/stream?after=${await lastPosition()}`,
    );
    subject.api.server.off("connection", track);
    const serverSide = serverSockets.get(slow.localPort);
    if (!serverSide) {
      throw new Error("the server's end of the slow stream was not seen");
    }
    let dropped = false;
    serverSide.once("close", () => {
      dropped = true;
    });

    // Loopback socket buffers hold a few megabytes; award until they are full.
    for (let round = 0; round < 20 && !dropped; round += 1) {
      for (let batch = 0; batch < 2; batch += 1) {
        const response = await postJson(`${subject.url}/v1/events/batch`, {
          events: Array.from({ length: 500 }, () =>
            quizEnvelope(randomUUID(), 100),
          ),
        });
        expect(response.status).toBe(202);
      }
      await caughtUp(subject.service);
      await delay(slowClientMs * 3);
    }

    expect(dropped, "the server still streams to the slow client").toBe(true);
    const made = (await awardPositions()).slice(awardsBefore);
    const slowRead = await slow.drain(10_000);
    expect(slowRead.ended).toBe(true);
    const received = slowRead.messages.map(positionOf);
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(made.length);
    expect(received).toEqual(made.slice(0, received.length));

    const rest = made.slice(received.length);
    const resumed = await readSse(
      await openStream("", { "last-event-id": String(received.at(-1)) }),
      { count: rest.length, timeoutMs: 30_000 },
    );
    expect(resumed.messages.map(positionOf)).toEqual(rest);
  });
});

/** The position of the newest stored event. */
async function lastPosition(): Promise<number> {
  const { rows } = await subject.database.pool.query<{ position: string }>(
    `SELECT global_position AS position FROM event_store
     ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return Number(rows[0]?.position ?? 0);
}

interface PausedStream {
  /** The client's port, which the server sees as the remote port. */
  localPort: number | undefined;
  /** Reads what the client holds, and waits for the server to end the stream. */
  drain(timeoutMs: number): Promise<{ messages: SseMessage[]; ended: boolean }>;
}

/**
 * Opens the stream with node:http and stops reading at once, so that the
 * socket buffers fill up as the server writes.
 */
function openPausedStream(url: string): Promise<PausedStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.pause();
      if (response.statusCode !== 200) {
        reject(new Error(`the stream answered ${response.statusCode}`));
        return;
      }
      let ended = false;
      const endedNow = new Promise<void>((done) => {
        const finish = () => {
          ended = true;
          done();
        };
        response.once("end", finish);
        response.once("aborted", finish);
        response.once("error", finish);
        response.once("close", finish);
      });
      resolve({
        localPort: response.socket.localPort,
        async drain(timeoutMs) {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.resume();
          await Promise.race([endedNow, delay(timeoutMs)]);
          request.destroy();
          const messages = text
            .split("\n\n")
            .slice(0, -1)
            .flatMap((block): SseMessage[] => {
              const lines = block.split("\n");
              const id = lines.find((l) => l.startsWith("id: "))?.slice(4);
              const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
              return id !== undefined && data !== undefined
                ? [{ id, data }]
                : [];
            });
          return { messages, ended };
        },
      });
    });
    request.once("error", reject);
  });
}
