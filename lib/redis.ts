import "server-only";
import { Redis } from "@upstash/redis";
import { env } from "@/lib/env";

let client: Redis | null | undefined;

/** The Upstash client when a REST endpoint is configured (Upstash's or Vercel KV's variable names), else null. */
export function getRedis(): Redis | null {
  if (client === undefined) {
    const e = env();
    const url = e.UPSTASH_REDIS_REST_URL ?? e.KV_REST_API_URL;
    const token = e.UPSTASH_REDIS_REST_TOKEN ?? e.KV_REST_API_TOKEN;
    client = url && token ? new Redis({ url, token, retry: false, signal: () => AbortSignal.timeout(300) }) : null;
  }
  return client;
}
