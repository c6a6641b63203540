// node tests/bench/profile-summary.mjs <file.cpuprofile> [--skip <seconds>] [--top <n>]
// Where a server's CPU went, from a V8 CPU profile (BENCH_CPU_PROF=<folder> npm run bench, or `node --cpu-prof`):
// self time by origin (our source files, each package, Node's internals, the garbage collector) and by function,
// as shares of the time the process was busy (idle time left out). Frames of the production build are mapped
// through its source maps (.next/**/*.js.map) to the files they came from. --skip leaves out the first seconds
// (the server's start and the bench's sign-ups).
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SourceMapConsumer } from "source-map-js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { skip: { type: "string", default: "0" }, top: { type: "string", default: "30" } },
});
const [file] = positionals;
if (!file) {
  console.error("usage: node tests/bench/profile-summary.mjs <file.cpuprofile> [--skip <seconds>] [--top <n>]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const IDLE = new Set(["(idle)", "(program)"]);

// Self time per profile node, from the first sample after --skip.
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map();
const from = profile.startTime + Number(values.skip) * 1e6;
let clock = profile.startTime;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i];
  if (clock >= from) selfTime.set(id, (selfTime.get(id) ?? 0) + profile.timeDeltas[i]);
});

const consumers = new Map();
/** The source map of a built file, if it has one. */
function consumerOf(url) {
  if (!consumers.has(url)) {
    const built = url.replace(/^file:\/\//, "");
    const map = `${built}.map`;
    consumers.set(url, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, "utf8"))) : null);
  }
  return consumers.get(url);
}

/** The package a path lies in (Next by its folder: next/server, next/compiled, …), or null. */
function packageOf(path) {
  const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/)?([^/]+)?/);
  if (!match) return null;
  return match[1] === "next" ? `next/${match[2]}` : match[1];
}

/**
 * Who a frame belongs to and a "name file:line" label for it: a package (by the file that ran, or for the build's
 * bundles by the file its map names), Node's internals, or one of our source files (mapped from the build).
 */
function frameOf({ url, functionName, lineNumber, columnNumber }) {
  const name = functionName || "(anonymous)";
  if (!url) return { origin: name, label: name };
  const path = url.replace(/^file:\/\//, "");
  if (path.startsWith("node:")) {
    const parts = path.slice(5).split("/");
    const origin = `node:${parts.slice(0, parts[0] === "internal" ? 2 : 1).join("/")}`;
    return { origin, label: `${name} ${path}:${lineNumber + 1}` };
  }
  const ran = packageOf(path);
  const original = ran ? null : consumerOf(url)?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  const source = original?.source ? decodeURIComponent(original.source) : path;
  const line = original?.source ? original.line : lineNumber + 1;
  const label = `${original?.name ?? name} ${source.split("/").slice(-2).join("/")}:${line}`;
  const ours = source.match(/\[project\]\/(.*)$/) ?? source.match(/^(?:\.\.\/)*((?:lib|app|components)\/.*)$/);
  const origin = ran ?? packageOf(source) ?? (ours && !path.includes("node_modules") ? `ours: ${ours[1]}` : source);
  return { origin, label };
}

const byOrigin = new Map();
const byFunction = new Map();
let busy = 0;
for (const [id, micros] of selfTime) {
  const { callFrame } = nodes.get(id);
  if (IDLE.has(callFrame.functionName)) continue;
  busy += micros;
  const { origin, label } = frameOf(callFrame);
  byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + micros);
  byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
}

const share = (micros) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(values.top))
    .map(([name, micros]) => `${share(micros)}  ${name}`)
    .join("\n");
const ours = [...byOrigin].filter(([origin]) => origin.startsWith("ours: ")).reduce((sum, [, us]) => sum + us, 0);
console.log(`${file}: busy ${(busy / 1e6).toFixed(2)} s (our own code ${share(ours).trim()} of it)\n`);
console.log(`By origin:\n${top(byOrigin)}\n\nBy function:\n${top(byFunction)}`);
