// Vitest global setup: the real Redis (REDIS_URL, default 127.0.0.1:6379) behind the Upstash-compatible REST
// endpoint, so tests run the real @upstash/redis and @upstash/ratelimit. Keys get a per-run prefix and are
// deleted afterwards. Without Redis the in-process store is used and the run says so; CI=true requires Redis.
import net from "node:net";
import { randomBytes } from "node:crypto";
import { Redis } from "@upstash/redis";
import type { TestProject } from "vitest/node";
import { startUpstashProxy } from "./upstash-proxy.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    upstash: { url: string; token: string; prefix: string } | null;
  }
}

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.setTimeout(2_000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

export default async function setup(project: TestProject) {
  if (!(await reachable(redisUrl))) {
    if (process.env.CI === "true")
      throw new Error(`Redis at ${new URL(redisUrl).host} is not reachable, and CI=true requires it.`);
    console.warn(`[tests] Redis at ${new URL(redisUrl).host} is not reachable: using the in-process store.`);
    project.provide("upstash", null);
    return;
  }
  const token = randomBytes(16).toString("hex");
  const proxy = await startUpstashProxy({ redisUrl, token });
  const prefix = `test:${Date.now()}:${randomBytes(3).toString("hex")}:`;
  project.provide("upstash", { url: proxy.url, token, prefix });
  return async () => {
    const redis = new Redis({ url: proxy.url, token });
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, { match: `${prefix}*`, count: 1000 });
      if (keys.length > 0) await redis.del(...keys);
      cursor = String(next);
    } while (cursor !== "0");
    await proxy.close();
  };
}
