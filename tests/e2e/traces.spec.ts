// OpenTelemetry end to end: a copy of the built app with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a local OTLP/HTTP
// receiver (tests/support/otlp-receiver.ts), on the real Postgres and Redis. A check-in through the API arrives there
// as one trace: Next.js's span for the route at the root; below it the check-in's own transaction and SQL spans
// (lib/db.ts sqlTransaction) and of the reads outside it (rawSql: the token lookup, the boards' read), Prisma's
// operation and SQL spans (the token's last use), and a client span per Upstash call; the request's log lines
// carry the same trace id.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startUpstashProxy } from "../support/upstash-proxy.mjs";
import { isBelow, spanTree, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver";
import { startAppServer, type AppServer } from "./support/app-server";
import { client, createHunter, createQuest, issueToken } from "./support/api";

const ROUTE = "/api/v1/quests/[id]/check-ins";

let receiver: OtlpReceiver;
let redis: Awaited<ReturnType<typeof startUpstashProxy>>;
let app: AppServer;
let api: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  receiver = await startOtlpReceiver();
  // The real Redis behind the Upstash-compatible endpoint, this run's keys under their own prefix.
  redis = await startUpstashProxy({
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    token: randomBytes(16).toString("hex"),
  });
  app = await startAppServer({
    UPSTASH_REDIS_REST_URL: redis.url,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    REDIS_PREFIX: `e2e-traces:${Date.now()}:`,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_SERVICE_NAME: "the-system-e2e",
    // The batch exporter's delay: spans reach the receiver within a second instead of five.
    OTEL_BSP_SCHEDULE_DELAY: "200",
    LOG_LEVEL: "info",
  });
  api = await playwright.request.newContext({ baseURL: app.url });
});
test.afterAll(async () => {
  await api?.dispose();
  await app?.stop();
  await redis?.close();
  await receiver?.close();
});

/** Next.js's span for a whole request to the check-in route ("POST /api/v1/quests/[id]/check-ins"). */
const isRequestSpan = (span: ReceivedSpan) =>
  span.attributes["next.span_type"] === "BaseServer.handleRequest" && span.attributes["http.route"] === ROUTE;

test("a check-in is one trace: the route span over its transaction's and Prisma's operation and SQL spans", async () => {
  const hunter = await createHunter(api);
  const player = client(api, hunter);
  const quest = await createQuest(player);
  // A token's first use: its lastUsedAt is written through the ORM (at most once a minute), so Prisma's spans are
  // in the trace too.
  const fresh = await issueToken(api, hunter.email, hunter.password);
  const response = await api.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: { Authorization: `Bearer ${fresh.token}` },
    data: { idempotencyKey: `trace-${quest.id}` },
  });
  expect(response.status()).toBe(201);
  const requestId = response.headers()["x-request-id"]!;

  const isRoute = (s: ReceivedSpan) => isRequestSpan(s) && !s.parentSpanId;
  await expect.poll(() => receiver.spans.filter(isRoute).length, { timeout: 15_000 }).toBe(1);
  const route = receiver.spans.find(isRoute)!;
  // Children end (and are exported) before their parent; give a late batch a moment all the same.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const trace = receiver.spans.filter((s) => s.traceId === route.traceId);

  const bytes = receiver.bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  console.log(
    `Received ${receiver.spans.length} spans in ${bytes} bytes of OTLP/JSON so far. ` +
      `Trace ${route.traceId} (${trace.length} spans):\n` +
      spanTree(trace, (s) => {
        const sql = s.attributes["db.query.text"];
        if (typeof sql === "string") return sql.replace(/\s+/g, " ").slice(0, 70);
        if (s.attributes["http.url"]) return String(s.attributes["http.url"]);
        const model = s.attributes["model"] ?? s.attributes["method"];
        return model ? String(model) : "";
      }),
  );

  expect(route.service).toBe("the-system-e2e");
  expect(route.attributes["http.status_code"] ?? route.attributes["http.response.status_code"]).toBe(201);
  expect(receiver.refused).toEqual([]);

  const below = trace.filter((s) => isBelow(trace, s, route));
  expect(below.length).toBe(trace.length - 1); // one tree, rooted at the route
  const names = below.map((s) => s.name);
  expect(names).toContain("prisma:client:operation");
  expect(names).toContain("db:transaction");
  const queries = below.filter((s) => s.name === "prisma:client:db_query" || s.name === "db:query");
  const sql = queries.map((s) => String(s.attributes["db.query.text"]));
  expect(sql.some((q) => /^\s*INSERT INTO "CheckIn"/.test(q))).toBe(true);
  expect(sql.some((q) => /FOR UPDATE/.test(q))).toBe(true); // the player's row lock
  expect(queries.every((s) => s.attributes["db.system.name"] === "postgresql")).toBe(true);
  // The Redis calls (rate limit, status cache and boards), a client span each.
  const redisCalls = below.filter((s) => String(s.attributes["http.url"]).startsWith(redis.url));
  expect(redisCalls.length).toBeGreaterThan(0);
  // Nothing the collector received holds a credential or the player's email.
  const exported = receiver.bodies.join("\n");
  for (const secret of [redis.token, hunter.token, fresh.token, hunter.email, hunter.password]) {
    expect(exported).not.toContain(secret);
  }
  // No bound values travel: the SQL has placeholders only.
  expect(sql.join("\n")).not.toContain(hunter.playerId);

  // The request's log lines carry its id and the trace they belong to.
  const lines = app
    .output()
    .split("\n")
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as { requestId?: string; trace_id?: string; msg: string });
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatchObject({ requestId, trace_id: route.traceId });
});

test("a request that arrives with a W3C traceparent continues the caller's trace", async () => {
  const hunter = await createHunter(api);
  const quest = await createQuest(client(api, hunter));
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const parentId = "00f067aa0ba902b7";
  const response = await api.post(`/api/v1/quests/${quest.id}/check-ins`, {
    headers: { Authorization: `Bearer ${hunter.token}`, traceparent: `00-${traceId}-${parentId}-01` },
    data: { idempotencyKey: `trace-parent-${quest.id}` },
  });
  expect(response.status()).toBe(201);
  await expect
    .poll(() => receiver.spans.filter((s) => s.traceId === traceId && isRequestSpan(s)))
    .toEqual([expect.objectContaining({ parentSpanId: parentId })]);
});
