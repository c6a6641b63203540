import "server-only";
import { getCurrentUserId, requireUserId } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { settlePlayer } from "@/lib/days/service";
import { AppError } from "@/lib/errors";

/** The signed-in player for a page, with their clock read and any ended day settled (the lazy rollover). */
export async function requirePlayer(returnTo: string): Promise<{ playerId: string; now: Date }> {
  const userId = await requireUserId(returnTo);
  return playerOf(userId);
}

/** The same for a Server Action: no redirect, an UNAUTHENTICATED error instead. */
export async function actionPlayer(): Promise<{ playerId: string; now: Date }> {
  const userId = await getCurrentUserId();
  if (!userId) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return playerOf(userId);
}

async function playerOf(userId: string) {
  const player = await db.player.findUnique({ where: { userId }, select: { id: true } });
  if (!player) throw new AppError("NOT_FOUND", "This account has no Hunter yet");
  const at = await now(player.id);
  await settlePlayer(player.id, at);
  return { playerId: player.id, now: at };
}
