import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(connectionString: string, max: number, options: pg.PoolConfig = {}) {
  // The pool is ours, not the adapter's, so /api/metrics can read its gauges (poolStats); the adapter still
  // ends it on $disconnect.
  const pool = new pg.Pool({ ...options, connectionString, max });
  // Query events (not logs): tests subscribe with db.$on("query") to count the queries a request costs.
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: [{ emit: "event", level: "query" }],
  });
  return Object.assign(client, { pool });
}

type Client = ReturnType<typeof createPrismaClient>;

/**
 * A model's columns for a raw SELECT (of the table aliased `table`), read back exactly as the ORM reads them: each
 * column named in `casts` is cast (enums to `text`, arrays of them to `text[]`). The check-in's statements go through
 * `$queryRaw`, which skips the ORM's query compiler: about a quarter of a millisecond of CPU per statement (#16).
 */
export function rawColumns(
  table: string,
  columns: readonly string[],
  casts: Record<string, "text" | "text[]"> = {},
): Prisma.Sql {
  const cast = (column: string) => (casts[column] ? `::${casts[column]}` : "");
  return Prisma.join(columns.map((column) => Prisma.raw(`"${table}"."${column}"${cast(column)} AS "${column}"`)));
}

/** A transaction's client: services pass it down so every write of one action commits together. */
export type Tx = Prisma.TransactionClient;

/** A player's writes queue on their row lock (lib/ledger/service.ts lockPlayer): give them time rather than fail. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
/** Settling a long absence day by day may take longer than one check-in. */
export const SETTLEMENT_TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

// One client per process; dev hot reloads would otherwise open a new pool on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: Client; boundedReads?: Client };

function getPrisma(): Client {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = env();
    globalForPrisma.prisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_MAX);
  }
  return globalForPrisma.prisma;
}

/** The Prisma client, created on first use. */
export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Reads through `boundedReads()`: each statement gives up after this long. */
export const BOUNDED_STATEMENT_TIMEOUT_MS = 500;

/**
 * A client for reads that must never pile up (the leaderboards' SQL fallback while Redis is away): a pool of its
 * own of at most 4 connections, each statement cut off after 500 ms and at most 1 s spent waiting for a
 * connection, so a burst queues here instead of taking the connections check-ins need. The embedded database
 * serves a single connection: there these reads share it, without the cut-off.
 */
export function boundedReads(): Client {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  if (DATABASE_POOL_MAX === 1) return db;
  globalForPrisma.boundedReads ??= createPrismaClient(DATABASE_URL, Math.min(4, DATABASE_POOL_MAX), {
    statement_timeout: BOUNDED_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: 2 * BOUNDED_STATEMENT_TIMEOUT_MS,
  });
  return globalForPrisma.boundedReads;
}

export type PoolStats = { inUse: number; idle: number; waiting: number; max: number };

/** The process's connection pool right now; null before the first query made the client. */
export function poolStats(): PoolStats | null {
  const pool = globalForPrisma.prisma?.pool;
  if (!pool) return null;
  return {
    inUse: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}
