import "server-only";
import { db } from "@/lib/db";

export type PlayerCard = { hunterName: string; timeZone: string };

export async function getPlayerCard(userId: string): Promise<PlayerCard | null> {
  return db.player.findUnique({ where: { userId }, select: { hunterName: true, timeZone: true } });
}
