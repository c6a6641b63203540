import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection, NextRequest } from "next/server";
import { isLive, type SessionClaims } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { rawColumns, rawSql } from "@/lib/db";
import { Prisma, type ApiToken } from "@/lib/generated/prisma/client";
import { SETTLEMENT_PEEK, settleChanged, settlePlayer, type SettlementPeek } from "@/lib/days/service";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { afterPlayerWrite, type StatusViewer } from "@/lib/player/cache";
import { isJsonContentType, isSameOrigin } from "@/lib/security/origin";
import { hashToken } from "@/lib/secrets";

/**
 * The one player resolver (browser session or personal access token) and its three adapters: pages redirect
 * (`requirePlayer`), Server Actions fail (`actionPlayer`), route handlers answer 401 (`authenticate`).
 */
export type Caller = {
  playerId: string;
  settlement: SettlementPeek;
  /** The status cache's stamp (lib/player/cache.ts), read in the same query. */
  cacheStamp: number;
  /** The personal access token used, for its lastUsedAt once the answer is ready (lib/api/handlers.ts). */
  token?: { id: string; lastUsedAt: Date | null };
};

/** A signed-in player whose clock was read and whose ended days were settled (the lazy rollover), with the stamp
 * their cached status must carry (null: the rollover just wrote, skip the cache this once). */
export type PlayerContext = StatusViewer;

/** No session at all, or one that has ended (signed out, signed out everywhere, account deleted). */
type Resolution = Caller | "SIGNED_OUT" | "ENDED";

const CALLER = { id: true, cacheStamp: true, ...SETTLEMENT_PEEK } as const;

/** Where a page sends a session that has ended: it clears the cookie and goes to sign-in. */
const SESSION_ENDED_PATH = "/settings/session-ended";

/**
 * The browser session's player, from the request's Cookie header. One query, which also brings what the lazy
 * rollover needs to know. The cookie is read with next-auth's own decode (getToken, under next-auth's cookie name for
 * this deployment: the secure one when NEXTAUTH_URL is https or on Vercel). getServerSession would also build
 * next-auth's whole handler, make a CSRF token and encrypt the JWT again on every call (0.49 ms of CPU against 0.18),
 * for a cookie it cannot set from a page, an action or a route handler anyway. An expired or forged cookie decodes
 * to null: signed out.
 */
async function sessionCaller(cookie: string | null): Promise<Resolution> {
  // A request of the cookies alone: getToken would also take an Authorization header's bearer as a session JWT.
  const req = new NextRequest("http://localhost/", { headers: { cookie: cookie ?? "" } });
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  if (!token?.sub) return "SIGNED_OUT";
  return sessionCallerOf(token.sub, {
    sid: typeof token.sid === "string" ? token.sid : undefined,
    sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : undefined,
  });
}

/** The Cookie header of the request a page or a Server Action serves. */
async function requestCookies(): Promise<string | null> {
  return (await headers()).get("cookie");
}

/** CALLER's own columns of the player `p`, and the earliest deadline of their open Survival Quests (at most one is
 * open), for the raw lookups below. */
const CALLER_COLUMNS = Prisma.sql`${rawColumns(
  "p",
  Object.keys(CALLER).filter((key) => key !== "penalties"),
)}, (SELECT MIN(x."deadline") FROM "Penalty" x WHERE x."playerId" = p."id" AND x."status" = 'OPEN') AS "openDeadline"`;

type CallerRow = Omit<Caller["settlement"], "penalties"> & {
  id: string;
  cacheStamp: number;
  openDeadline: Date | null;
};

function callerOf(row: CallerRow): Caller {
  const { timeZone, dayStartMinute, confirmedDay, lastSettledDay, createdAt, openDeadline } = row;
  const penalties = openDeadline ? [{ deadline: openDeadline }] : [];
  return {
    playerId: row.id,
    settlement: { timeZone, dayStartMinute, confirmedDay, lastSettledDay, createdAt, penalties },
    cacheStamp: row.cacheStamp,
  };
}

/**
 * The player of a signed-in session's user, or "ENDED" when the session no longer holds (its claims from the JWT).
 * One raw statement (rawSql): the session's version and whether its row is still there ride on the player's read, so
 * a session that was signed out costs nothing extra.
 */
export async function sessionCallerOf(userId: string, claims: SessionClaims): Promise<Caller | "ENDED"> {
  const [row] = await rawSql.$queryRaw<(CallerRow & { sessionVersion: number; sessions: number })[]>`
    SELECT ${CALLER_COLUMNS}, u."sessionVersion",
      (SELECT COUNT(*)::int FROM "Session" s
        WHERE s."userId" = u."id" AND s."sessionToken" = ${claims.sid ?? ""} AND s."expires" > ${new Date()}) AS "sessions"
    FROM "Player" p JOIN "User" u ON u."id" = p."userId"
    WHERE p."userId" = ${userId}`;
  if (!row || !isLive(row, claims)) return "ENDED";
  return callerOf(row);
}

type TokenRow = Pick<ApiToken, "revokedAt" | "expiresAt" | "lastUsedAt"> & CallerRow & { tokenId: string };

/**
 * The token's player, in one raw statement (rawSql): every API request with a token makes it, and the ORM's nested
 * read cost about a quarter of a millisecond more CPU (#16).
 */
async function tokenCaller(token: string): Promise<Caller> {
  const [row] = await rawSql.$queryRaw<TokenRow[]>`
    SELECT t."id" AS "tokenId", t."revokedAt", t."expiresAt", t."lastUsedAt", ${CALLER_COLUMNS}
    FROM "ApiToken" t JOIN "Player" p ON p."id" = t."playerId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  const at = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= at)) {
    throw new AppError("UNAUTHENTICATED", "The token is invalid, expired or revoked");
  }
  return { ...callerOf(row), token: { id: row.tokenId, lastUsedAt: row.lastUsedAt } };
}

/** Reads the player's clock and settles any day that ended: every adapter does this before the work. */
export async function enterPlayer(caller: Caller): Promise<PlayerContext> {
  const at = await now(caller.playerId);
  const settled = await settlePlayer(caller.playerId, at, caller.settlement);
  if (!settleChanged(settled)) return { playerId: caller.playerId, now: at, cacheStamp: caller.cacheStamp };
  await afterPlayerWrite(caller.playerId, at);
  return { playerId: caller.playerId, now: at, cacheStamp: null };
}

/** Whether a browser session is signed in (sign-in and sign-up pages send such a Hunter on). */
export async function isSignedIn(): Promise<boolean> {
  await connection();
  return typeof (await sessionCaller(await requestCookies())) === "object";
}

/** Page adapter: the signed-in player, or a redirect to sign-in (and back here afterwards). */
export async function requirePlayer(returnTo: string): Promise<PlayerContext> {
  // Sessions live in request cookies: pages that ask are rendered per request, never at build time.
  await connection();
  const caller = await sessionCaller(await requestCookies());
  if (caller === "SIGNED_OUT") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (caller === "ENDED") redirect(SESSION_ENDED_PATH);
  return enterPlayer(caller);
}

/** Server Action adapter: the signed-in player, or an UNAUTHENTICATED failure. */
export async function actionPlayer(): Promise<Caller> {
  const caller = await sessionCaller(await requestCookies());
  if (typeof caller !== "object") throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return caller;
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Route adapter: a personal access token (Authorization: Bearer) or the browser session, else 401. */
export async function authenticate(request: Request): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return tokenCaller(header.slice("Bearer ".length).trim());
  const caller = await sessionCaller(request.headers.get("cookie"));
  if (typeof caller !== "object") throw new AppError("UNAUTHENTICATED", "Sign in or send a personal access token");
  // A cookie rides along on any request the browser makes, whoever's page asked: writes must come from ours.
  if (!READS.has(request.method)) refuseCrossSite(request.headers);
  return caller;
}

function refuseCrossSite(headers: Headers): void {
  if (!isSameOrigin(headers, env().NEXTAUTH_URL)) {
    throw new AppError("FORBIDDEN", "Cross-site requests are refused: call from the app or send a token");
  }
  if (!isJsonContentType(headers)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type: application/json");
  }
}
