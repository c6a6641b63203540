import { currentHealth } from "@/lib/health/service";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await currentHealth();
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
