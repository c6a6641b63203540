import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health/service";
import { getRedis } from "@/lib/redis";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(db, getRedis());
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
