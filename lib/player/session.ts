import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isLive, liveSessionSelect, type SessionClaims } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { SETTLEMENT_PEEK, settlePlayer, wroteAnything } from "@/lib/days/service";
import { AppError } from "@/lib/errors";
import type { StatusViewer } from "@/lib/player/cache";

/** Where a page sends a session that has ended (signed out, everywhere, or its account deleted): it clears the
 * cookie and goes to sign-in. */
export const SESSION_ENDED_PATH = "/settings/session-ended";

type CurrentSession = SessionClaims & { userId: string };

async function currentSession(): Promise<CurrentSession | null> {
  // Sessions live in request cookies: pages that ask are rendered per request, never at build time.
  await connection();
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  return userId ? { userId, sid: session.sid, sessionVersion: session.sessionVersion } : null;
}

/** The signed-in player for a page, with their clock read and any ended day settled (the lazy rollover), and
 * their status cache's stamp (lib/player/cache.ts). */
export async function requirePlayer(returnTo: string): Promise<StatusViewer> {
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

async function playerOf(session: CurrentSession) {
  const player = await db.player.findUnique({
    where: { userId: session.userId },
    // The settlement peek and the session's row ride along: no query of their own when nothing is due.
    select: { id: true, cacheStamp: true, user: liveSessionSelect(session, new Date()), ...SETTLEMENT_PEEK },
  });
  // No player: the account was deleted, and its cookie only needs clearing.
  if (!player || !isLive(player.user, session)) return "STALE" as const;
  const at = await now(player.id);
  const settled = await settlePlayer(player.id, at, player);
  return { playerId: player.id, now: at, cacheStamp: wroteAnything(settled) ? null : player.cacheStamp };
}
