import "server-only";
import { randomBytes } from "node:crypto";
import { verifyCredentials } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashToken } from "@/lib/secrets";
import { SUMMARY, summaryOf } from "@/lib/tokens/queries";
import type { TokenSummary } from "@/lib/tokens/schemas";

const PREFIX = "sys_";
const DAY_MS = 86_400_000;
/** lastUsedAt is a hint for the settings screen, not an audit log: one write a minute per token at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The token itself, shown this once, with what the list shows of it (it has not been used yet). */
export type CreatedToken = Omit<TokenSummary, "lastUsedAt"> & { token: string };

/** Issues a personal access token for scripts. Only its hash is stored: the token is shown this once. */
export async function createToken(
  email: string,
  password: string,
  name: string,
  expiresInDays: number | null,
  now = new Date(),
): Promise<CreatedToken> {
  const userId = await verifyCredentials(email, password);
  const player = userId ? await db.player.findUnique({ where: { userId }, select: { id: true } }) : null;
  if (!player) throw new AppError("UNAUTHENTICATED", "Email or password is incorrect");
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
  const row = await db.apiToken.create({
    data: { playerId: player.id, name, tokenHash: hashToken(token), expiresAt },
    select: SUMMARY,
  });
  const { lastUsedAt, ...summary } = summaryOf(row);
  void lastUsedAt;
  return { ...summary, token };
}

/** Records a use, unless one was recorded within the last minute (the condition makes racing requests write once). */
export async function markTokenUsed(row: { id: string; lastUsedAt: Date | null }, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (row.lastUsedAt && row.lastUsedAt > since) return;
  await db.apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: since } }] },
    data: { lastUsedAt: now },
  });
}

export async function revokeToken(playerId: string, tokenId: string, now: Date): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, playerId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Token not found");
}

/** Revokes every token of the player; returns how many were still working. */
export async function revokeAllTokens(playerId: string, now: Date): Promise<number> {
  const { count } = await db.apiToken.updateMany({ where: { playerId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
