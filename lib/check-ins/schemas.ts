import { z } from "zod";
import { NOTE_MAX_LENGTH } from "@/lib/check-ins/rules";

/** A note: trimmed, at most NOTE_MAX_LENGTH characters; an empty one is no note (null). */
export const noteSchema = z
  .string()
  .trim()
  .max(NOTE_MAX_LENGTH, `A note holds at most ${NOTE_MAX_LENGTH} characters`)
  .transform((note) => (note === "" ? null : note));

export const checkInSchema = z.strictObject({
  /** Chosen by the client (a UUID is ideal); the same key always means the same check-in. */
  idempotencyKey: z
    .string()
    .min(8, "idempotencyKey must be 8 to 100 characters")
    .max(100, "idempotencyKey must be 8 to 100 characters")
    .regex(/^[\w.:-]+$/, "idempotencyKey may use letters, digits and _ . : - only"),
  /** When it really happened, for offline check-ins and backfill; defaults to now. */
  happenedAt: z.iso.datetime({ offset: true }).optional(),
  value: z.number().min(0).max(1_000_000_000).optional(),
  /** What the player wants to remember about it; editable afterwards (PATCH /api/v1/check-ins/{id}). */
  note: noteSchema.optional(),
});

/** PATCH /api/v1/check-ins/{id}: a new note, or null (or "") to clear it. */
export const editNoteSchema = z.strictObject({ note: noteSchema.nullable() });

export type CheckInInput = z.infer<typeof checkInSchema>;
