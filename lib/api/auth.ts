import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { isLive, liveSessionSelect, type SessionClaims } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { SETTLEMENT_PEEK, type SettlementPeek } from "@/lib/days/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isJsonContentType, isSameOrigin } from "@/lib/security/origin";
import { hashToken } from "@/lib/tokens/service";

export type Caller = {
  playerId: string;
  settlement: SettlementPeek;
  /** The status cache's stamp (lib/player/cache.ts), read in the same query. */
  cacheStamp: number;
  /** The personal access token used, for its lastUsedAt once the answer is ready (lib/api/handlers.ts). */
  token?: { id: string; lastUsedAt: Date | null };
};

const CALLER = { id: true, cacheStamp: true, ...SETTLEMENT_PEEK } as const;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling: a personal access token (Authorization: Bearer) or the browser session. One query, which also
 * brings what the lazy rollover needs to know.
 */
export async function authenticate(request: Request): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return tokenCaller(header.slice("Bearer ".length).trim());
  const session = await getServerSession(authOptions());
  const caller = session?.user?.id ? await sessionCaller({ userId: session.user.id, ...session }) : null;
  if (!caller) throw new AppError("UNAUTHENTICATED", "Sign in or send a personal access token");
  // A cookie rides along on any request the browser makes, whoever's page asked: writes must come from ours.
  if (!READS.has(request.method)) refuseCrossSite(request.headers);
  return caller;
}

async function tokenCaller(token: string): Promise<Caller> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, player: { select: CALLER } },
  });
  const at = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= at)) {
    throw new AppError("UNAUTHENTICATED", "The token is invalid, expired or revoked");
  }
  const { id, cacheStamp, ...settlement } = row.player;
  return { playerId: id, settlement, cacheStamp, token: { id: row.id, lastUsedAt: row.lastUsedAt } };
}

async function sessionCaller(claims: SessionClaims & { userId: string }): Promise<Caller | null> {
  // The session's version and its row ride on the same query: a session that was signed out costs nothing extra.
  const player = await db.player.findUnique({
    where: { userId: claims.userId },
    select: { ...CALLER, user: liveSessionSelect(claims, new Date()) },
  });
  if (!player || !isLive(player.user, claims)) return null;
  const { user, id, cacheStamp, ...settlement } = player;
  void user;
  return { playerId: id, settlement, cacheStamp };
}

function refuseCrossSite(headers: Headers): void {
  if (!isSameOrigin(headers, env().NEXTAUTH_URL)) {
    throw new AppError("FORBIDDEN", "Cross-site requests are refused: call from the app or send a token");
  }
  if (!isJsonContentType(headers)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type: application/json");
  }
}
