// GET /api/metrics: Prometheus text behind METRICS_TOKEN, and the counters moving when the app does the thing
// they count — an API answer (by route as written in app/, method and status), a check-in and its replay, a
// settled day, an opened Penalty Zone, a Redis fallback; promtool's lint, and a real Prometheus scraping it.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { POST as checkInRoute } from "@/app/api/v1/quests/[id]/check-ins/route";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { orElse } from "@/lib/redis";
import { makePlayer, makeQuest, utc } from "@/tests/support/factories";
import { APP_SERIES } from "@/tests/support/metrics";
import { call, tokenFor } from "@/tests/support/routes";

const METRICS_TOKEN = "integration-metrics-token-0123";
process.env.METRICS_TOKEN = METRICS_TOKEN; // read lazily by lib/env, after this line

async function scrape(): Promise<string> {
  const response = await call(metricsRoute, { path: "/api/metrics", token: METRICS_TOKEN });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** A sample's value (0 when the series does not exist yet), matched by name and every given label. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text
    .split("\n")
    .find(
      (l) =>
        (l.startsWith(`${name} `) || l.startsWith(`${name}{`)) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("GET /api/metrics", () => {
  it.each([
    ["no token", undefined],
    ["a wrong token", `${METRICS_TOKEN}x`],
    ["non-ASCII", "é".repeat(METRICS_TOKEN.length)],
  ])("refuses a scrape with %s: 401 in the one error shape", async (_, token) => {
    const response = await call(metricsRoute, { path: "/api/metrics", token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });

  it("exposes every series the operations docs name", async () => {
    const text = await scrape();
    for (const name of [...APP_SERIES, "process_resident_memory_bytes"]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("counts a check-in, its replay and both API answers under the route's own name", async () => {
    const player = await makePlayer({ createdAt: new Date() });
    const quest = await makeQuest(player.playerId, {}, new Date());
    const token = await tokenFor(player);
    const before = await scrape();
    const send = (idempotencyKey: string) =>
      call(checkInRoute, {
        method: "POST",
        path: `/api/v1/quests/${quest.id}/check-ins`,
        token,
        body: { idempotencyKey },
        params: { id: quest.id },
      });
    const key = randomUUID();
    expect((await send(key)).status).toBe(201);
    expect((await send(key)).status).toBe(200);
    const after = await scrape();

    const delta = (name: string, labels?: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta("quests_completed_total")).toBe(1);
    expect(delta("check_in_replays_total")).toBe(1);
    const route = { route: "/api/v1/quests/[id]/check-ins", method: "POST" };
    expect(delta("http_requests_total", { ...route, status: "201" })).toBe(1);
    expect(delta("http_requests_total", { ...route, status: "200" })).toBe(1);
    expect(delta("http_request_duration_seconds_count", { ...route, status: "201" })).toBe(1);
    expect(after).not.toContain(quest.id); // ids never become label values
  });

  it("counts settled days and an opened Penalty Zone", async () => {
    const { playerId } = await makePlayer();
    await makeQuest(playerId);
    const before = await scrape();
    // Monday and Tuesday missed: the month's free shield covers one, the other opens the Penalty Zone.
    const result = await settlePlayer(playerId, utc("2040-03-08", "04:00"));
    const after = await scrape();
    expect(result.settledDays).toBeGreaterThan(0);
    expect(sample(after, "rollover_settlements_total") - sample(before, "rollover_settlements_total")).toBe(
      result.settledDays,
    );
    expect(result.penaltyOpened).toBe(true);
    expect(sample(after, "penalties_opened_total") - sample(before, "penalties_opened_total")).toBe(1);
  });

  it("reads the database pool: connections in use and idle, queries waiting for one, the maximum", async () => {
    const max = Number(process.env.DATABASE_POOL_MAX);
    await db.$queryRaw`SELECT 1`;
    // Two more queries than connections: every connection busy, two queries queued behind them. (Prisma's
    // promises are lazy: Promise.all starts them.)
    const holds = Promise.all(Array.from({ length: max + 2 }, () => db.$executeRaw`SELECT pg_sleep(0.5)`));
    let busy = "";
    await expect.poll(async () => sample((busy = await scrape()), "db_pool_connections_in_use")).toBe(max);
    expect(sample(busy, "db_pool_waiting_requests")).toBe(2);
    expect(sample(busy, "db_pool_connections_idle")).toBe(0);
    expect(sample(busy, "db_pool_connections_max")).toBe(max);
    await holds;
    const after = await scrape();
    expect(sample(after, "db_pool_connections_in_use")).toBe(0);
    expect(sample(after, "db_pool_waiting_requests")).toBe(0);
    expect(sample(after, "db_pool_connections_idle")).toBe(max);
  });

  it("counts a Redis call served by its fallback", async () => {
    const before = sample(await scrape(), "redis_fallbacks_total");
    expect(await orElse(() => Promise.reject(new Error("connection refused")), "fallback")).toBe("fallback");
    expect(sample(await scrape(), "redis_fallbacks_total") - before).toBe(1);
  });
});

// Debian's `prometheus` package (promtool and the server); .ci/run installs it.
const hasPrometheus = spawnSync("promtool", ["--version"]).status === 0;

describe.runIf(hasPrometheus)("with Prometheus", () => {
  it("passes promtool check metrics (but for prom-client's own process gauges)", async () => {
    const result = spawnSync("promtool", ["check", "metrics"], { input: await scrape(), encoding: "utf8" });
    expect(result.error).toBeUndefined();
    // prom-client's default Node.js gauges are named *_total; the app's own series must lint clean.
    const ours = (result.stdout + result.stderr)
      .split("\n")
      .filter((line) => line && !/^nodejs_active_(handles|requests|resources)_total /.test(line));
    expect(ours).toEqual([]);
  });

  it("is scraped by a real Prometheus with the bearer token, and a counter is queried back", async () => {
    // The route handler behind a real HTTP port, as Next.js would serve it.
    const app = createServer(async (req, res) => {
      const response = await metricsRoute(
        new Request(`http://127.0.0.1${req.url}`, { headers: { authorization: req.headers.authorization ?? "" } }),
        { params: Promise.resolve({}) },
      );
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const dir = mkdtempSync(path.join(os.tmpdir(), "prometheus-"));
    const config = path.join(dir, "prometheus.yml");
    writeFileSync(
      config,
      JSON.stringify({
        global: { scrape_interval: "1s" },
        scrape_configs: [
          {
            job_name: "the-system",
            metrics_path: "/api/metrics",
            authorization: { credentials: METRICS_TOKEN },
            static_configs: [{ targets: [`127.0.0.1:${(app.address() as AddressInfo).port}`] }],
          },
        ],
      }),
    );
    const webPort = 19_000 + Math.floor(Math.random() * 1000);
    const server = spawn(
      "prometheus",
      [`--config.file=${config}`, `--storage.tsdb.path=${dir}/data`, `--web.listen-address=127.0.0.1:${webPort}`],
      { stdio: "ignore" },
    );
    try {
      await orElse(() => Promise.reject(new Error("down")), null); // a counter with a known value to look for
      const expected = sample(await scrape(), "redis_fallbacks_total");
      const query = `http://127.0.0.1:${webPort}/api/v1/query?query=redis_fallbacks_total%7Bjob%3D%22the-system%22%7D`;
      let value: number | undefined;
      for (let attempt = 0; attempt < 60 && value !== expected; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const body = (await (await fetch(query).catch(() => null))?.json().catch(() => null)) as {
          data?: { result?: { value: [number, string] }[] };
        } | null;
        const found = body?.data?.result?.[0]?.value[1];
        value = found === undefined ? undefined : Number(found);
      }
      expect(value).toBe(expected);
    } finally {
      server.kill("SIGTERM");
      await new Promise<void>((resolve) => app.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
