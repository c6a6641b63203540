// npx tsx --conditions=react-server tests/bench/log-cost.ts — what one access line costs: the app's logger
// (redaction, request-id and trace mixin, level names, ISO time) against plain pino with none of them, writing to
// /dev/null, in alternating rounds in one process (shared cores make absolute numbers noisy; read the ratio).
import { openSync } from "node:fs";
import { pino } from "pino";
import { createLogger, withRequestContext } from "../../lib/log/logger";

const LINES = 50_000;
const ROUNDS = 6;
const sink = () => pino.destination({ fd: openSync("/dev/null", "w"), sync: true });
const ours = createLogger({ level: "info", pretty: false }, sink());
const plain = pino({ level: "info" }, sink());
const line = { method: "GET", path: "/api/v1/player", status: 200, durationMs: 12 };

function time(log: typeof plain): number {
  const started = performance.now();
  withRequestContext("3f1c2a9e-5b7d-4c1e-9a2b-7d6e5f4c3b2a", () => {
    for (let i = 0; i < LINES; i++) log.info(line, "request");
  });
  return ((performance.now() - started) * 1000) / LINES;
}

const samples = { ours: [] as number[], plain: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  samples.plain.push(time(plain));
  samples.ours.push(time(ours));
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const [a, b] = [median(samples.ours), median(samples.plain)];
console.log(
  `per access line: app logger ${a.toFixed(2)} µs, plain pino ${b.toFixed(2)} µs, ratio ${(a / b).toFixed(2)}`,
);
