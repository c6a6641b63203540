import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { listImports } from "@/lib/imports/queries";
import { startImportSchema } from "@/lib/imports/schemas";
import { startImport } from "@/lib/imports/service";

export const GET = playerRoute(async ({ playerId }) => Response.json({ imports: await listImports(playerId) }));

/** Start an import under a client-chosen id: 201, or 200 with the import already under that id. */
export const POST = playerRoute(async ({ request, playerId }) => {
  const reply = await startImport(playerId, await readJson(request, startImportSchema));
  return Response.json(reply.body, { status: reply.status });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
