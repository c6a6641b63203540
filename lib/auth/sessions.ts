import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** Absolute lifetime of a signed-in browser, however active: the JWT's own maxAge too. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** What a session's JWT carries beyond the user id (lib/auth/options.ts). */
export type SessionClaims = { sid?: string; sessionVersion?: number };

/**
 * The part of a User select that says whether a session is still live: its version and its row, folded into the
 * caller's existing player lookup. A JWT without a row (signed out, signed out everywhere, account deleted, older
 * than 30 days, or issued before rows existed) finds none.
 */
export function liveSessionSelect(claims: SessionClaims, now: Date) {
  return {
    select: {
      sessionVersion: true,
      sessions: { where: { sessionToken: claims.sid ?? "", expires: { gt: now } }, select: { id: true }, take: 1 },
    },
  } as const;
}

/** Records a new signed-in browser and returns its id for the JWT; forgets this user's expired ones. */
export async function startSession(userId: string, now: Date): Promise<string> {
  const sid = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expires: { lte: now } } }),
    db.session.create({
      data: { sessionToken: sid, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    }),
  ]);
  return sid;
}

/** Sign-out: this browser's cookie stops working at once, wherever a copy of it is. */
export async function endSession(sid: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: sid } });
}

/** Whether the user row read through liveSessionSelect still accepts this session. */
export function isLive(
  user: { sessionVersion: number; sessions: readonly unknown[] } | null | undefined,
  claims: SessionClaims,
): boolean {
  return Boolean(user && user.sessionVersion === (claims.sessionVersion ?? 0) && user.sessions.length > 0);
}
