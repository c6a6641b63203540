import { z } from "zod";
import { hunterNameSchema, timeZoneSchema } from "@/lib/accounts/schemas";
import { DIFFICULTIES, JOB_NAMES, STATS } from "@/lib/progression/rules";
import { localTimeSchema } from "@/lib/time/schemas";

export const updatePlayerSchema = z
  .strictObject({
    /** Unique after NFKC and look-alike folding (lib/accounts/names.ts). */
    hunterName: hunterNameSchema,
    timeZone: timeZoneSchema,
    dayStartMinute: z.int().min(0).max(359, "The day may start at most 5h59 after midnight"),
    /** An achievement id whose title the Hunter has unlocked, or null to show none. */
    equippedTitle: z.string().max(64).nullable(),
    /** Hide the Hunter from the leaderboards (docs/rules.md "Leaderboards": shown by default). */
    leaderboardOptOut: z.boolean(),
    /** Let the System speak through OpenAI (docs/rules.md "The System speaks"): off until the Hunter opts in. */
    aiOptIn: z.boolean(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, "Send at least one setting to change");

export type UpdatePlayerInput = z.infer<typeof updatePlayerSchema>;

export const allocateStatsSchema = z
  .partialRecord(z.enum(STATS), z.int().min(0).max(1_000))
  .refine((points) => Object.values(points).some((n) => (n ?? 0) > 0), "Allocate at least one point");

export const jobChangeSchema = z.strictObject({ job: z.enum(JOB_NAMES) });

export const restPeriodSchema = z.strictObject({
  startDay: z.iso.date(),
  endDay: z.iso.date(),
});

export const starterEditSchema = z.strictObject({
  title: z.string().trim().min(1, "Title is required").max(100, "Title must be at most 100 characters"),
  difficulty: z.enum(DIFFICULTIES),
});

/** The Awakening form: name and zone confirmed, a job chosen and its three starter dailies as edited. */
export const awakeningSchema = z.strictObject({
  hunterName: hunterNameSchema,
  timeZone: timeZoneSchema,
  job: z.enum(JOB_NAMES),
  starters: z.array(starterEditSchema).length(3),
});

/**
 * Types of notification a Hunter can switch (docs/rules.md "Reminders"): reminders, the last-chance warning and
 * Penalty Zone warnings are pushed unless switched off; level-ups, Rank Trials and achievements always reach the
 * in-app inbox and are pushed only when switched on.
 */
export const NOTIFICATION_TYPES = ["reminders", "lastChance", "penalty", "levelUp", "achievements"] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** A local range during which nothing is pushed; it may run past midnight (22:00–07:00). */
export const quietHoursSchema = z
  .strictObject({ start: localTimeSchema, end: localTimeSchema })
  .refine((quiet) => quiet.start !== quiet.end, { path: ["end"], message: "Quiet hours must end at another time" });

export type QuietHours = z.infer<typeof quietHoursSchema>;

export const notificationPrefsSchema = z.strictObject({
  ...(Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, z.boolean()])) as Record<
    NotificationType,
    z.ZodBoolean
  >),
  /** null: no quiet hours. */
  quietHours: quietHoursSchema.nullable(),
  /** Penalty Zone warnings still arrive during quiet hours. */
  penaltyInQuietHours: z.boolean(),
});

export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  reminders: true,
  lastChance: true,
  penalty: true,
  levelUp: false,
  achievements: false,
  quietHours: { start: "22:00", end: "07:00" },
  penaltyInQuietHours: true,
};

/** A Hunter's stored preferences (Player.notificationPrefs, JSON), with the defaults for what is not stored. */
export function notificationPrefsOf(stored: unknown): NotificationPrefs {
  const prefs = notificationPrefsSchema.partial().safeParse(stored ?? {});
  return { ...DEFAULT_NOTIFICATION_PREFS, ...(prefs.success ? prefs.data : {}) };
}

/** Delete account: the Hunter types their name to confirm. */
export const deleteAccountSchema = z.strictObject({ confirmName: z.string().max(100) });

export const signOutEverywhereSchema = z.strictObject({ revokeTokens: z.boolean().default(false) });
