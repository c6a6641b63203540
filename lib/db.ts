import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(connectionString: string, max: number) {
  // Query events (not logs): tests subscribe with db.$on("query") to count the queries a request costs.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    log: [{ emit: "event", level: "query" }],
  });
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
