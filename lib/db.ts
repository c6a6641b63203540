import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(connectionString: string, max: number) {
  // Query events (not logs): tests subscribe with db.$on("query") to count the queries a request costs.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    log: [{ emit: "event", level: "query" }],
  });
}

type Client = ReturnType<typeof createPrismaClient>;

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
