import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(connectionString: string, max: number) {
  // The pool is ours, not the adapter's, so /api/metrics can read its gauges (poolStats); the adapter still
  // ends it on $disconnect.
  const pool = new pg.Pool({ connectionString, max });
  // Query events (not logs): tests subscribe with db.$on("query") to count the queries a request costs.
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: [{ emit: "event", level: "query" }],
  });
  return Object.assign(client, { pool });
}

type Client = ReturnType<typeof createPrismaClient>;

/** A transaction's client: services pass it down so every write of one action commits together. */
export type Tx = Prisma.TransactionClient;

/** A player's writes queue on their row lock (lib/ledger/service.ts lockPlayer): give them time rather than fail. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
/** Settling a long absence day by day may take longer than one check-in. */
export const SETTLEMENT_TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

// One client per process; dev hot reloads would otherwise open a new pool on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: Client };

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
