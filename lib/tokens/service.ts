import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { verifyCredentials } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const PREFIX = "sys_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CreatedToken = { id: string; name: string; token: string; createdAt: string };

/** Issues a personal access token for scripts. Only its hash is stored: the token is shown this once. */
export async function createToken(email: string, password: string, name: string): Promise<CreatedToken> {
  const userId = await verifyCredentials(email, password);
  const player = userId ? await db.player.findUnique({ where: { userId }, select: { id: true } }) : null;
  if (!player) throw new AppError("UNAUTHENTICATED", "Email or password is incorrect");
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiToken.create({ data: { playerId: player.id, name, tokenHash: hashToken(token) } });
  return { id: row.id, name: row.name, token, createdAt: row.createdAt.toISOString() };
}

export async function revokeToken(playerId: string, tokenId: string, now: Date): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, playerId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Token not found");
}
