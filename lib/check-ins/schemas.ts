import { z } from "zod";

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
});

export type CheckInInput = z.infer<typeof checkInSchema>;
