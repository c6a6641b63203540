import "server-only";
import { authenticate, enterPlayer, type PlayerContext } from "@/lib/auth/player";
import { AppError } from "@/lib/errors";
import { afterPlayerWrite } from "@/lib/player/cache";
import { noStore, toErrorResponse } from "@/lib/http";
import { observed } from "@/lib/metrics/http";
import { enforceLimit } from "@/lib/rate-limit/service";
import { markTokenUsed } from "@/lib/tokens/service";

type Context<P> = { params: Promise<P> };
export type PlayerRequest<P> = PlayerContext & { request: Request; params: P };

/** A public route: errors become the one error shape; answers are counted, timed and logged under a request id
 * (observed) and kept by no cache unless the handler says so. */
export function publicRoute<P = Record<string, never>>(handler: (request: Request, params: P) => Promise<Response>) {
  return observed(async (request: Request, context: Context<P>) => {
    try {
      const params = await context.params;
      // An id Postgres could not even store (it holds U+0000) names nothing: 404, not a database error.
      if (Object.values(params ?? {}).some((value) => typeof value === "string" && value.includes("\u0000"))) {
        throw new AppError("NOT_FOUND", "Not found");
      }
      return noStore(await handler(request, params));
    } catch (error) {
      return toErrorResponse(error);
    }
  });
}

/**
 * A route for a signed-in player: authenticates (401 otherwise), reads the player's clock, settles any day that
 * ended (the lazy rollover) and maps errors to the one error shape.
 */
export function playerRoute<P = Record<string, never>>(handler: (input: PlayerRequest<P>) => Promise<Response>) {
  return publicRoute<P>(async (request, params) => {
    const caller = await authenticate(request);
    if (request.method !== "GET") await enforceLimit("apiWrite", caller.playerId);
    const context = await enterPlayer(caller);
    const { playerId, now } = context;
    const response = await handler({ request, params, ...context });
    if (request.method !== "GET") await afterPlayerWrite(playerId, now);
    // Bookkeeping, not part of the answer: at most one write a minute per token.
    if (caller.token) await markTokenUsed(caller.token, new Date());
    return response;
  });
}

/**
 * A path or method no route serves: the one error shape (404), never Next's HTML page or its empty 405. The
 * catch-all route answers unknown paths with it, and a collection route the methods only its items have
 * (`DELETE /api/v1/quests`, reached e.g. by `/api/v1/quests/.`).
 */
export const noSuchRoute = publicRoute(async () => {
  throw new AppError("NOT_FOUND", "No such API route");
});
