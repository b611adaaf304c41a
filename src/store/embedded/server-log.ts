/** Reads the end of the server's log, the part that explains a failed start. */
import { open } from "node:fs/promises";

const tailBytes = 64 * 1024;

export async function readLogTail(path: string, lines = 20): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch {
    return "(no server log)";
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return lastLines(buffer.toString("utf8"), lines);
  } finally {
    await handle.close();
  }
}

function lastLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.slice(-count).join("\n");
}
