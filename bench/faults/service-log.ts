/** A file for the output of every service process of one fault run. */
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ServiceLog {
  path: string;
  fd: number;
  close(): Promise<void>;
}

export async function openServiceLog(fault: string): Promise<ServiceLog> {
  const path = join(tmpdir(), `edupulse-faults-${fault}-${Date.now()}.log`);
  const file = await open(path, "a");
  return { path, fd: file.fd, close: () => file.close() };
}
