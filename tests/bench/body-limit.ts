// npx tsx tests/bench/body-limit.ts [base URL] — against a running server (e.g. the Playwright one on E2E_PORT):
// sends ten chunked 100 MB uploads (five one after another, then five at once) and samples the server's resident
// memory (/proc/<pid>/status, the process listening on the port) every 5 ms. The streaming limit should keep the
// growth near zero: nothing past 64 KB of any body is ever kept.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { chunkedUpload } from "../e2e/support/chunked-upload";

const base = process.argv[2] ?? `http://localhost:${process.env.E2E_PORT ?? 3000}`;
const MB = 1024 * 1024;

function serverPid(port: string): number {
  const line = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(line)?.[1];
  if (!pid) throw new Error(`No process listens on port ${port} (ss needs to see it: same user)`);
  return Number(pid);
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function post(path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, string>>;
}

const pid = serverPid(new URL(base).port || "80");
const id = Math.random().toString(16).slice(2, 10);
const account = { email: `bench-${id}@example.com`, password: "bench-password-1", hunterName: `Bench ${id}` };
await post("/api/v1/accounts", { ...account, timeZone: "UTC" });
const { token } = await post("/api/v1/tokens", { email: account.email, password: account.password, name: "bench" });
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const upload = () => chunkedUpload(`${base}/api/v1/quests`, headers, 100 * MB, 64 * 1024);

await upload(); // warm the route
const before = rssMb(pid);
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 5);
const results = [];
for (let i = 0; i < 5; i++) results.push(await upload());
results.push(...(await Promise.all(Array.from({ length: 5 }, upload))));
clearInterval(sampler);
const after = rssMb(pid);

const statuses = [...new Set(results.map((r) => r.status))].join(",");
const slowest = Math.max(...results.map((r) => r.msFromLimitToAnswer));
const written = Math.max(...results.map((r) => r.written)) / MB;
console.log(`server pid ${pid}: ${results.length} chunked uploads of 100 MB each → status ${statuses}`);
console.log(
  `answered at most ${slowest.toFixed(1)} ms after the limit; at most ${written.toFixed(2)} MB left a client`,
);
console.log(
  `resident memory ${before.toFixed(1)} MB before, peak ${peak.toFixed(1)} MB (+${(peak - before).toFixed(1)} MB), ` +
    `${after.toFixed(1)} MB after`,
);
