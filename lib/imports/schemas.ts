import { z } from "zod";
import { noteSchema } from "@/lib/check-ins/schemas";
import { createQuestSchema } from "@/lib/quests/schemas";
import { isValidDayKey } from "@/lib/time/rules";

/**
 * Caps against hostile files (docs/rules.md "Imports"). The file ones are enforced in the browser while reading
 * (lib/imports/files.ts), the row ones by the server on every chunk; each refusal names the cap it hit.
 */
export const IMPORT_LIMITS = {
  /** The file the player picks. */
  fileBytes: 25 * 1024 * 1024,
  /** Entries in a zip (a Loop export holds 3 per habit, plus 3). */
  zipEntries: 3_000,
  /** Bytes a zip inflates to, counted while inflating: a zip bomb stops here. */
  uncompressedBytes: 100 * 1024 * 1024,
  questsPerImport: 1_000,
  checkInsPerImport: 100_000,
  skipsPerImport: 100_000,
  /** Rows (quests + check-ins + skips) in one chunk; the 64 KB body limit bounds a chunk too. */
  rowsPerChunk: 2_000,
} as const;

/** A chunk's JSON stays under this, well inside the API's 64 KB body limit. */
export const CHUNK_BYTES = 56 * 1024;

export const IMPORT_SOURCES = ["LOOP", "HABITICA", "THE_SYSTEM"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

const daySchema = z.string().refine(isValidDayKey, "Use a date as YYYY-MM-DD");

/** A quest's reference inside one import: the check-ins and skips of later chunks point at it. */
const refSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\w.-]+$/, "A quest reference may use letters, digits and _ . - only");

/** The client-chosen import id (the upload screen uses a hash of the file, so the same file is the same import). */
export const importKeySchema = z
  .string()
  .min(8, "An import id is 8 to 100 characters")
  .max(100, "An import id is 8 to 100 characters")
  .regex(/^[\w.:-]+$/, "An import id may use letters, digits and _ . : - only");

/** What the preview said will not be imported, and why (kept with the import for the settings screen). */
export const importReportSchema = z.strictObject({
  skipped: z
    .array(
      z.strictObject({
        what: z.string().max(200),
        count: z.int().min(0),
        why: z.string().max(300),
      }),
    )
    .max(50),
});

export type ImportReport = z.infer<typeof importReportSchema>;

export const startImportSchema = z.strictObject({
  id: importKeySchema,
  source: z.enum(IMPORT_SOURCES),
  fileName: z.string().trim().max(200).default(""),
  report: importReportSchema.default({ skipped: [] }),
});

export const importQuestSchema = z.strictObject({
  ref: refSchema,
  /** The quest itself, validated exactly as POST /api/v1/quests validates it. */
  quest: createQuestSchema,
  archived: z.boolean().default(false),
  /** The first day of its history when that is earlier than its first check-in (a System export's createdDay). */
  historyFrom: daySchema.optional(),
});

export const importCheckInSchema = z.strictObject({
  quest: refSchema,
  /** The player's day it counts for: a day stays the day it was (Loop days carry no zone). */
  day: daySchema,
  /** Several check-ins of one quest on one day are numbered 0, 1, 2…: the number makes a retry idempotent. */
  index: z.int().min(0).max(999).default(0),
  /** When it happened, if the source knows (Habitica does); otherwise midday of its day. */
  at: z.iso.datetime({ offset: true }).optional(),
  value: z.number().min(0).max(1_000_000_000).optional(),
  note: noteSchema.optional(),
});

/** A day skipped on purpose (Loop's SKIP, a rest or shielded day of a System export): that quest's strength holds. */
export const importSkipSchema = z.strictObject({ quest: refSchema, day: daySchema });

export type ImportQuest = z.input<typeof importQuestSchema>;
export type ImportCheckIn = z.input<typeof importCheckInSchema>;
export type ImportSkip = z.input<typeof importSkipSchema>;

export const importChunkSchema = z
  .strictObject({
    quests: z.array(importQuestSchema).default([]),
    checkIns: z.array(importCheckInSchema).default([]),
    skips: z.array(importSkipSchema).default([]),
  })
  .refine(
    (chunk) => chunk.quests.length + chunk.checkIns.length + chunk.skips.length <= IMPORT_LIMITS.rowsPerChunk,
    `A chunk holds at most ${IMPORT_LIMITS.rowsPerChunk.toLocaleString("en")} rows`,
  );

export type ImportChunk = z.input<typeof importChunkSchema>;

/** What a parser makes of a file, before anything is sent: the preview shows it, the upload sends it in chunks. */
export type ImportPlan = {
  source: ImportSource;
  /** "Loop Habit Tracker 2.3.1+ (CSV)" and the like. */
  format: string;
  quests: ImportQuest[];
  checkIns: ImportCheckIn[];
  skips: ImportSkip[];
  report: ImportReport;
  /** Per quest ref: how its schedule was chosen when it is not exact ("2 times in 3 days → 5 times a week"). */
  notes: Record<string, string>;
};
