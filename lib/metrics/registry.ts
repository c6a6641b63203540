import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { poolStats, type PoolStats } from "@/lib/db";
import { env } from "@/lib/env";

/** A gauge read from the database pool at scrape time (counts are 0 before the first query made the pool). */
function poolGauge(name: string, help: string, read: (stats: PoolStats | null) => number, registers: Registry[]) {
  return new Gauge({
    name,
    help,
    registers,
    collect() {
      this.set(read(poolStats()));
    },
  });
}

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
    dbPoolInUse: poolGauge(
      "db_pool_connections_in_use",
      "Database connections of this instance's pool running a query or transaction.",
      (stats) => stats?.inUse ?? 0,
      registers,
    ),
    dbPoolIdle: poolGauge(
      "db_pool_connections_idle",
      "Database connections of this instance's pool open and idle.",
      (stats) => stats?.idle ?? 0,
      registers,
    ),
    dbPoolWaiting: poolGauge(
      "db_pool_waiting_requests",
      "Queries waiting for a free connection of this instance's pool (all DATABASE_POOL_MAX in use).",
      (stats) => stats?.waiting ?? 0,
      registers,
    ),
    dbPoolMax: poolGauge(
      "db_pool_connections_max",
      "Connections this instance's pool may open (DATABASE_POOL_MAX).",
      (stats) => stats?.max ?? env().DATABASE_POOL_MAX,
      registers,
    ),
    redisBreakerTransitions: new Counter({
      name: "redis_breaker_transitions_total",
      help: "Changes of the Redis circuit breaker's state, by the state entered (open, half-open, closed).",
      labelNames: ["to"] as const,
      registers,
    }),
    redisBreakerState: new Gauge({
      name: "redis_breaker_state",
      help: "The Redis circuit breaker now: 0 closed (Redis used), 1 half-open (probing), 2 open (Redis skipped).",
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
