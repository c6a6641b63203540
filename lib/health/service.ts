import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getStore } from "@/lib/redis";
import type { Store } from "@/lib/store/types";

export type ComponentStatus = "ok" | "down" | "in-process";
export type Health = { status: "ok" | "degraded" | "down"; database: ComponentStatus; cache: ComponentStatus };

const TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<ComponentStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return "ok";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

/** The app is usable while the database answers; the cache is an accelerator, so its loss only degrades. */
export async function checkHealth(database: PrismaClient, cache: Store): Promise<Health> {
  const [db, redis] = await Promise.all([
    probe(() => database.$queryRaw`SELECT 1`),
    cache.kind === "memory" ? Promise.resolve<ComponentStatus>("in-process") : probe(() => cache.ping()),
  ]);
  const status = db === "down" ? "down" : redis === "down" ? "degraded" : "ok";
  return { status, database: db, cache: redis };
}

/** This server's own database and cache. */
export function currentHealth(): Promise<Health> {
  return checkHealth(db, getStore());
}
