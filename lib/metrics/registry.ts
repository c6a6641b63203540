import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "API requests answered, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an API request, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    questsCompleted: new Counter({
      name: "quests_completed_total",
      help: "Check-ins recorded (a replay of the same idempotency key is not counted again).",
      registers,
    }),
    checkInReplays: new Counter({
      name: "check_in_replays_total",
      help: "Check-ins answered from an earlier request with the same idempotency key.",
      registers,
    }),
    rolloverSettlements: new Counter({
      name: "rollover_settlements_total",
      help: "Days settled by the rollover (lazy or cron), one per player and day.",
      registers,
    }),
    penaltiesOpened: new Counter({
      name: "penalties_opened_total",
      help: "Penalty Zones opened by the rollover.",
      registers,
    }),
    pushDeliveries: new Counter({
      name: "push_deliveries_total",
      help: "Web Push attempts, by result: sent, gone (404/410, device forgotten), retry (429/5xx/timeout), failed.",
      labelNames: ["result"] as const,
      registers,
    }),
    redisFallbacks: new Counter({
      name: "redis_fallbacks_total",
      help: "Redis calls that failed or timed out and were served by the fallback.",
      registers,
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: Next.js loads route handlers and instrumentation in separate module graphs, and dev reloads
// modules; one registry per process keeps every counter in one place.
const globalForMetrics = globalThis as unknown as { theSystemMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.theSystemMetrics ??= createMetrics();
  return globalForMetrics.theSystemMetrics;
}
