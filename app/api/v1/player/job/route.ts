import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { jobChangeSchema } from "@/lib/player/schemas";
import { changeJob } from "@/lib/player/service";

/** Job Change; the first one completes the Awakening. */
export const POST = playerRoute(async ({ request, playerId, now }) => {
  const { job } = await readJson(request, jobChangeSchema);
  return Response.json(await changeJob(playerId, job, now));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
