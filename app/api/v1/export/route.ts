import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { exportQuerySchema } from "@/lib/export/schemas";
import { exportCheckInsCsv, exportPlayer } from "@/lib/export/queries";
import { parseWith, searchParamsOf } from "@/lib/http";

export const GET = playerRoute(async ({ request, playerId, now }) => {
  const { format } = parseWith(exportQuerySchema, searchParamsOf(request));
  const stamp = now.toISOString().slice(0, 10);
  const headers = { "cache-control": "no-store" };
  if (format === "csv") {
    return new Response(await exportCheckInsCsv(playerId), {
      headers: {
        ...headers,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="the-system-check-ins-${stamp}.csv"`,
      },
    });
  }
  return new Response(JSON.stringify(await exportPlayer(playerId, now), null, 2), {
    headers: {
      ...headers,
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="the-system-export-${stamp}.json"`,
    },
  });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
