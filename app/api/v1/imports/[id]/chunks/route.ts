import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { importChunkSchema } from "@/lib/imports/schemas";
import { addImportChunk } from "@/lib/imports/service";

/** One chunk of quests, check-ins and skips; a retried chunk adds nothing. */
export const POST = playerRoute<{ id: string }>(async ({ request, playerId, params, now }) => {
  const chunk = await readJson(request, importChunkSchema);
  return Response.json(await addImportChunk(playerId, params.id, chunk, now));
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
