/**
 * `npm run profile-summary -- <file.cpuprofile>...`: where a V8 CPU profile
 * (as written by `npm run bench -- --cpu-profiles <dir>`) spent its time,
 * by owner (an npm package, a folder of this project, Node.js itself, the
 * garbage collector, idle) and by function, as shares of all samples.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Command } from "commander";
import { renderTable } from "./report/table.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const program = new Command()
  .name("profile-summary")
  .argument("<profiles...>", "V8 .cpuprofile files")
  .option("--top <n>", "functions to list", (value) => Number(value), 15)
  .parse();
const { top } = program.opts<{ top: number }>();

for (const file of program.args) {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const selfTimes = selfTimeByNode(profile);
  const total = [...selfTimes.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfTimes.get(node.id) ?? 0;
    add(
      byOwner,
      ownerOf(node.callFrame.url, node.callFrame.functionName),
      micros,
    );
    add(byFunction, functionOf(node), micros);
  }
  console.log(`\n${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`);
  console.log(shareTable("owner", byOwner, total, Number.POSITIVE_INFINITY));
  console.log();
  console.log(shareTable("function", byFunction, total, top));
}

function selfTimeByNode(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    add(times, nodeId, profile.timeDeltas[index] ?? 0);
  });
  return times;
}

/** Who owns the code: a package, a folder of this project, or the runtime. */
function ownerOf(url: string, functionName: string): string {
  const packagePath = url.split("/node_modules/").at(-1);
  if (packagePath !== undefined && packagePath !== url) {
    const [scope, name] = packagePath.split("/");
    return scope?.startsWith("@") ? `${scope}/${name}` : (scope ?? url);
  }
  const ours = /\/(src|bench|dist)\/([^/]+)\//.exec(url);
  if (ours) {
    return `${ours[1]}/${ours[2]}`;
  }
  if (url.startsWith("node:")) {
    return "Node.js";
  }
  return functionName.startsWith("(") ? functionName : "native";
}

function functionOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    ? ` ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`
    : "";
  return `${functionName || "(anonymous)"}${where}`;
}

function shareTable(
  header: string,
  times: Map<string, number>,
  total: number,
  limit: number,
): string {
  const rows = [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .filter(([, micros]) => micros / total >= 0.001)
    .map(([name, micros]) => [
      name,
      `${((100 * micros) / total).toFixed(1)}%`,
      `${(micros / 1000).toFixed(0)} ms`,
    ]);
  return renderTable(
    [
      { header },
      { header: "share", align: "right" },
      { header: "self time", align: "right" },
    ],
    rows,
  );
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}
