import "server-only";
import { db } from "@/lib/db";
import type { TokenSummary } from "@/lib/tokens/schemas";

export const SUMMARY = { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true } as const;

export function summaryOf(row: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** The player's tokens that still work, newest first. */
export async function listTokens(playerId: string, now: Date): Promise<TokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { playerId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: SUMMARY,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(summaryOf);
}
