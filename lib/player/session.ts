import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { SETTLEMENT_PEEK, settlePlayer } from "@/lib/days/service";
import { AppError } from "@/lib/errors";

/** Where a page sends a session that "sign out everywhere" has ended: it clears the cookie and goes to sign-in. */
export const SESSION_ENDED_PATH = "/settings/session-ended";

async function currentSession(): Promise<{ userId: string; version: number } | null> {
  // Sessions live in request cookies: pages that ask are rendered per request, never at build time.
  await connection();
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  return userId ? { userId, version: session.sessionVersion ?? 0 } : null;
}

/** The signed-in player for a page, with their clock read and any ended day settled (the lazy rollover). */
export async function requirePlayer(returnTo: string): Promise<{ playerId: string; now: Date }> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  const player = await playerOf(session);
  if (player === "STALE") redirect(SESSION_ENDED_PATH);
  return player;
}

/** The same for a Server Action: no redirect, an UNAUTHENTICATED error instead. */
export async function actionPlayer(): Promise<{ playerId: string; now: Date }> {
  const session = await currentSession();
  const player = session && (await playerOf(session));
  if (!player || player === "STALE") throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return player;
}

async function playerOf(session: { userId: string; version: number }) {
  const player = await db.player.findUnique({
    where: { userId: session.userId },
    // The settlement peek rides along, so the lazy rollover needs no query of its own when nothing is due.
    select: { id: true, user: { select: { sessionVersion: true } }, ...SETTLEMENT_PEEK },
  });
  if (!player) throw new AppError("NOT_FOUND", "This account has no Hunter yet");
  if (player.user.sessionVersion !== session.version) return "STALE" as const;
  const at = await now(player.id);
  await settlePlayer(player.id, at, player);
  return { playerId: player.id, now: at };
}
