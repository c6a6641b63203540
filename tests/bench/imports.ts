// Importing 10 Loop habits × 3 years of daily history (≈ 11,000 check-ins) into the built app, as the upload screen
// does it: parse the zip (timed, with this process's peak memory), start, send every chunk over HTTP, commit (the
// server's peak memory read from /proc). Real Postgres, the production build. Prints a table; asserts nothing.
// Run by `npm run bench` (tests/bench/run.mjs), or alone: npx tsx tests/bench/imports.ts (after `npm run build`).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import initSqlJs from "sql.js";
import { parseImportFile } from "@/lib/imports/parse";
import { chunkPlan } from "@/lib/imports/rules";
import { addDays } from "@/lib/time/rules";
import { loopCsvZip } from "@/tests/support/import-fixtures";
import { appEnv, benchDatabase, startApp } from "./support.mjs";

const HABITS = 10;
const DAYS = 3 * 365;

/** Peak resident memory of a process (VmHWM), in MB. */
const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;

const database = await benchDatabase("thesystem_bench_imports");
const server = await startApp(appEnv(database.url, {}, ["apiWrite"]));
const { base } = server;

async function call(url: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${base}${url}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init.token && { authorization: `Bearer ${init.token}` }) },
  });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

try {
  const account = {
    email: "bench-import@example.com",
    password: "bench-password-1",
    hunterName: "Bench",
    timeZone: "UTC",
  };
  await call("/api/v1/accounts", { method: "POST", body: JSON.stringify(account) });
  const { token } = await call("/api/v1/tokens", {
    method: "POST",
    body: JSON.stringify({ email: account.email, password: account.password, name: "bench" }),
  });

  const today = new Date().toISOString().slice(0, 10);
  const habits = Array.from({ length: HABITS }, (_, h) => ({
    name: `Habit ${h + 1}`,
    numerator: h % 3 === 0 ? 3 : 1,
    denominator: h % 3 === 0 ? 7 : 1,
    entries: Array.from({ length: DAYS }, (_, d) => ({
      day: addDays(today, d - DAYS),
      // Mostly done, some misses, a skip now and then, a note every month.
      value: (d * 7 + h) % 50 === 0 ? 0 : (d + h) % 120 === 0 ? 3 : 2,
      note: d % 30 === 0 ? `month ${d / 30}` : "",
    })),
  }));
  const zip = loopCsvZip(habits);

  const started = performance.now();
  const plan = await parseImportFile(zip, { loopStat: "VIT", loadSql: () => initSqlJs() });
  const parsed = performance.now();
  const parserPeak = process.resourceUsage().maxRSS / 1024;
  const chunks = chunkPlan(plan);
  const key = `bench-${randomBytes(8).toString("hex")}`;
  await call("/api/v1/imports", { method: "POST", token, body: JSON.stringify({ id: key, source: plan.source }) });
  for (const chunk of chunks) {
    await call(`/api/v1/imports/${key}/chunks`, { method: "POST", token, body: JSON.stringify(chunk) });
  }
  const sent = performance.now();
  const committed = await call(`/api/v1/imports/${key}/commit`, { method: "POST", token });
  const done = performance.now();
  const status = await call("/api/v1/player", { token });

  console.log(
    `\nImport: ${HABITS} Loop habits × ${DAYS} days → ${committed.checkIns.toLocaleString("en")} check-ins, ` +
      `${committed.skips} skips, ${chunks.length} chunks (zip ${(zip.length / 1024).toFixed(0)} KB); XP after: ${status.xp}`,
  );
  console.table([
    {
      step: "parse the zip (browser side)",
      "time ms": Math.round(parsed - started),
      "peak RSS MB": Math.round(parserPeak),
    },
    { step: `send ${chunks.length} chunks (HTTP, server)`, "time ms": Math.round(sent - parsed), "peak RSS MB": "" },
    { step: "commit: strength in one pass", "time ms": Math.round(done - sent), "peak RSS MB": "" },
    {
      step: "total",
      "time ms": Math.round(done - started),
      "peak RSS MB": `server ${Math.round(peakMb(server.pid))}`,
    },
  ]);
} finally {
  server.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
}
