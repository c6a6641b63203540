import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health/service";
import { getStore } from "@/lib/redis";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(db, getStore());
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
