import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actionPlayer, enterPlayer, type PlayerContext } from "@/lib/auth/player";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { afterPlayerWrite } from "@/lib/player/cache";
import { enforceLimit } from "@/lib/rate-limit/service";
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

type Paths<I, T> = readonly string[] | ((input: I, data: T) => readonly string[]);

/**
 * A Server Action for the signed-in player, as playerRoute is for routes: parse → resolve the player and settle
 * their ended days → the player's write limit (shared with the API) → handler → drop their cached status and
 * update the boards → revalidate `revalidate`'s paths → an ActionResult, every error mapped once.
 */
export function playerAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, player: PlayerContext) => Promise<T>,
  options: { revalidate?: Paths<z.output<S>, T> } = {},
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
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
  };
}
