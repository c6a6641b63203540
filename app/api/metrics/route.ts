import { publicRoute } from "@/lib/api/handlers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/metrics/registry";
import { hasBearer } from "@/lib/secrets";

export const dynamic = "force-dynamic";

/** Prometheus text format, for a scraper with `Authorization: Bearer $METRICS_TOKEN`. Counters are per instance. */
export const GET = publicRoute(async (request) => {
  if (!hasBearer(request, env().METRICS_TOKEN)) throw new AppError("UNAUTHENTICATED", "Missing or wrong metrics token");
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
});
