import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type NoteReply = { checkInId: string; note: string | null };

/**
 * Writes (or clears, with null) the note on one of the player's check-ins: any check-in, on any day, imported or
 * undone ones included. A note never changes the game, so the log stays append-only in everything it counts.
 */
export async function setCheckInNote(playerId: string, checkInId: string, note: string | null): Promise<NoteReply> {
  const { count } = await db.checkIn.updateMany({ where: { id: checkInId, playerId }, data: { note } });
  if (count === 0) throw new AppError("NOT_FOUND", "Check-in not found");
  return { checkInId, note };
}
