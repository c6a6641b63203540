import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { SETTLEMENT_PEEK, type SettlementPeek } from "@/lib/days/service";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/tokens/service";

export type Caller = { playerId: string; settlement: SettlementPeek };

const CALLER = { id: true, ...SETTLEMENT_PEEK } as const;

/**
 * Who is calling: a personal access token (Authorization: Bearer) or the browser session. One query, which also
 * brings what the lazy rollover needs to know.
 */
export async function authenticate(request: Request): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) {
    const row = await db.apiToken.findUnique({
      where: { tokenHash: hashToken(header.slice("Bearer ".length).trim()) },
      select: { revokedAt: true, player: { select: CALLER } },
    });
    if (!row || row.revokedAt) throw new AppError("UNAUTHENTICATED", "The token is invalid or revoked");
    return { playerId: row.player.id, settlement: row.player };
  }
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  // The session version rides on the same query: a session ended by "sign out everywhere" costs nothing extra.
  const player = userId
    ? await db.player.findUnique({
        where: { userId },
        select: { ...CALLER, user: { select: { sessionVersion: true } } },
      })
    : null;
  if (!player || player.user.sessionVersion !== (session?.sessionVersion ?? 0)) {
    throw new AppError("UNAUTHENTICATED", "Sign in or send a personal access token");
  }
  const { user, ...settlement } = player;
  void user;
  return { playerId: player.id, settlement };
}
