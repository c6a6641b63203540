import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { actionPlayer, enterPlayer, type PlayerContext } from "@/lib/auth/player";
import { env } from "@/lib/env";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { underRequestId } from "@/lib/log/request";
import { afterPlayerWrite } from "@/lib/player/cache";
import { enforceLimit } from "@/lib/rate-limit/service";
import { isSameOrigin } from "@/lib/security/origin";
import { fieldErrorsOf, nulPath } from "@/lib/validation";

/** Parses an action's input, or fails with one message per field (and never lets a NUL reach Postgres). */
function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const nul = nulPath(raw);
  if (nul !== null) {
    throw new AppError("VALIDATION_FAILED", "Some fields need fixing", { [nul || "form"]: "Must not contain NUL" });
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("VALIDATION_FAILED", "Some fields need fixing", fieldErrorsOf(result.error));
  return result.data;
}

/**
 * Refuses a Server Action sent from another origin, as proxy.ts does for the requests it sees: a signed-in
 * browser's action from the app's own page skips the proxy (its cost, #16), and every action checks here either way.
 */
export async function refuseCrossSiteAction(): Promise<void> {
  if (!isSameOrigin(await headers(), env().NEXTAUTH_URL)) {
    throw new AppError("FORBIDDEN", "Cross-site requests are refused");
  }
}

type Paths<I, T> = readonly string[] | ((input: I, data: T) => readonly string[]);

/**
 * A Server Action for the signed-in player, as playerRoute is for routes: same origin → parse → resolve the player
 * and settle their ended days → the player's write limit (shared with the API) → handler → drop their cached status
 * and update the boards → revalidate `revalidate`'s paths → an ActionResult, every error mapped once, logged under
 * the request's id.
 */
export function playerAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, player: PlayerContext) => Promise<T>,
  options: { revalidate?: Paths<z.output<S>, T> } = {},
): (raw: unknown) => Promise<ActionResult<T>> {
  return underRequestId(async (raw: unknown) => {
    try {
      await refuseCrossSiteAction();
      const input = parseInput(schema, raw);
      const caller = await actionPlayer();
      await enforceLimit("apiWrite", caller.playerId);
      const player = await enterPlayer(caller);
      const data = await handler(input, player);
      await afterPlayerWrite(player.playerId, player.now);
      const { revalidate = [] } = options;
      for (const path of typeof revalidate === "function" ? revalidate(input, data) : revalidate) {
        revalidatePath(path);
      }
      return { ok: true, data };
    } catch (error) {
      return toActionFailure(error);
    }
  });
}
