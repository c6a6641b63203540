import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** Absolute lifetime of a signed-in browser, however active: the JWT's own maxAge too. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** What a session's JWT carries beyond the user id (lib/auth/options.ts). */
export type SessionClaims = { sid?: string; sessionVersion?: number };

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

/**
 * Whether a user still accepts a session with these claims: the user's session version (moved by "sign out
 * everywhere") and how many live rows (unexpired) carry the session's id. A JWT without a row (signed out, signed
 * out everywhere, account deleted, older than 30 days, or issued before rows existed) finds none.
 */
export function isLive(user: { sessionVersion: number; sessions: number }, claims: SessionClaims): boolean {
  return user.sessionVersion === (claims.sessionVersion ?? 0) && user.sessions > 0;
}
