/**
 * What the numbers were measured on: the machine, and for each target the
 * server's version and the settings that decide what a commit costs.
 */
import { readFile } from "node:fs/promises";
import { availableParallelism, totalmem } from "node:os";
import pg from "pg";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
}

export interface ServerSettings {
  version: string;
  synchronousCommit: string;
  fsync: string;
}

export async function describeMachine(): Promise<Machine> {
  return {
    cpu: await cpuModel(),
    cores: availableParallelism(),
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
  };
}

async function cpuModel(): Promise<string> {
  const cpuinfo = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
  const match = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
  return match?.[1]?.trim() ?? "unknown";
}

export async function describeServer(url: string): Promise<ServerSettings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      version: string;
      synchronous_commit: string;
      fsync: string;
    }>(
      `SELECT version(), current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('fsync') AS fsync`,
    );
    const row = rows[0];
    return {
      version: row?.version ?? "unknown",
      synchronousCommit: row?.synchronous_commit ?? "unknown",
      fsync: row?.fsync ?? "unknown",
    };
  } finally {
    await client.end();
  }
}

export function machineLines(machine: Machine): string[] {
  return [
    `cpu: ${machine.cpu}`,
    `cores: ${machine.cores}`,
    `memory: ${machine.memoryGb.toFixed(1)} GB`,
    `node: ${machine.node}`,
  ];
}

export function serverLine(target: string, settings: ServerSettings): string {
  return (
    `${target}: ${settings.version}; synchronous_commit=` +
    `${settings.synchronousCommit}, fsync=${settings.fsync}`
  );
}
