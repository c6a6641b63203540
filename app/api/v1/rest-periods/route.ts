import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { listRestPeriods } from "@/lib/player/queries";
import { restPeriodSchema } from "@/lib/player/schemas";
import { addRestPeriod } from "@/lib/player/service";

/** The rest periods that have not ended yet. */
export const GET = playerRoute(async ({ playerId, now }) =>
  Response.json({ restPeriods: await listRestPeriods(playerId, now) }),
);

export const POST = playerRoute(async ({ request, playerId, now }) =>
  Response.json(
    { restPeriod: await addRestPeriod(playerId, await readJson(request, restPeriodSchema), now) },
    { status: 201 },
  ),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
