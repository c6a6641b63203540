"use server";
import { playerAction } from "@/lib/api/action";
import { markInboxRead } from "@/lib/notifications/inbox";
import { markReadSchema } from "@/lib/notifications/schemas";

/** Marks inbox items read (some ids, or all). */
export const markInboxReadAction = playerAction(
  markReadSchema,
  (input, { playerId, now }) => markInboxRead(playerId, input, now),
  { revalidate: ["/inbox"] },
);
