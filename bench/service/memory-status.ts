/**
 * Resident memory of a process from /proc/<pid>/status, sampled on an
 * interval. VmHWM is the kernel's own peak, so no spike between samples
 * is missed; the samples show the course of VmRSS.
 */
import { readFile } from "node:fs/promises";

export interface MemoryStatus {
  rssMb: number;
  peakMb: number;
}

export async function readMemoryStatus(pid: number): Promise<MemoryStatus> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return {
    rssMb: fieldMb(status, "VmRSS"),
    peakMb: fieldMb(status, "VmHWM"),
  };
}

function fieldMb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

export interface MemorySampler {
  /** Stops sampling; the highest peak seen while the process lived. */
  stop(): MemoryStatus;
}

export function sampleMemory(pid: number, intervalMs = 100): MemorySampler {
  let highest: MemoryStatus = { rssMb: 0, peakMb: 0 };
  const take = async () => {
    const status = await readMemoryStatus(pid).catch(() => undefined);
    if (status) {
      highest = {
        rssMb: Math.max(highest.rssMb, status.rssMb),
        peakMb: Math.max(highest.peakMb, status.peakMb),
      };
    }
  };
  const timer = setInterval(() => void take(), intervalMs);
  void take();
  return {
    stop: () => {
      clearInterval(timer);
      return highest;
    },
  };
}
