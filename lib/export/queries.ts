import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CHECK_IN_ROW } from "@/lib/days/queries";

/**
 * Everything the player owns (docs/rules.md "Your data"), as plain JSON. Secrets stay out: no password hash, no token hashes,
 * no stored check-in replies (they repeat the rows). Read in one snapshot so the parts agree.
 */
export async function exportPlayer(playerId: string, now: Date) {
  const player = await db.player.findUnique({
    where: { id: playerId },
    omit: { hunterNameKey: true },
    include: {
      user: { select: { email: true, name: true, createdAt: true } },
      // A quest's imported skipped days come along: restoring the export freezes its strength on them again.
      quests: {
        omit: { strengthState: true },
        include: { skips: { select: { dayKey: true }, orderBy: { dayKey: "asc" } } },
        orderBy: { createdAt: "asc" },
      },
      checkIns: {
        omit: { response: true },
        include: { undo: { select: { undoneAt: true } } },
        orderBy: { happenedAt: "asc" },
      },
      ledger: { orderBy: { createdAt: "asc" } },
      settlements: { orderBy: { dayKey: "asc" } },
      penalties: { omit: { openSlot: true }, orderBy: { openedAt: "asc" } },
      restPeriods: { orderBy: { startDay: "asc" } },
      rankTrials: { orderBy: { openedAt: "asc" } },
      achievements: { orderBy: { unlockedAt: "asc" } },
      apiTokens: { omit: { tokenHash: true }, orderBy: { createdAt: "asc" } },
      // Devices by name and dates: their endpoints and keys are capabilities of the browser, not data about the Hunter.
      pushSubscriptions: { select: { device: true, createdAt: true, lastSeenAt: true }, orderBy: { createdAt: "asc" } },
      notifications: {
        where: { inbox: true },
        select: { type: true, subject: true, at: true, readAt: true },
        orderBy: { at: "asc" },
      },
      reports: { orderBy: { week: "asc" } },
      rewards: { orderBy: { createdAt: "asc" } },
      purchases: { omit: { idempotencyKey: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!player) throw new AppError("NOT_FOUND", "Player not found");
  const {
    user,
    quests,
    checkIns,
    ledger,
    settlements,
    penalties,
    restPeriods,
    rankTrials,
    achievements,
    apiTokens,
    pushSubscriptions,
    notifications,
    reports,
    rewards,
    purchases,
    ...hunter
  } = player;
  return {
    format: "the-system-export",
    version: 1,
    exportedAt: now.toISOString(),
    account: user,
    player: hunter,
    quests,
    checkIns,
    ledger,
    settlements,
    penalties,
    restPeriods,
    rankTrials,
    achievements,
    apiTokens,
    devices: pushSubscriptions,
    inbox: notifications,
    systemReports: reports,
    rewards,
    purchases,
  };
}

const CSV_COLUMNS = [
  "id",
  "questId",
  "questTitle",
  "dayKey",
  "happenedAt",
  "source",
  "value",
  "undone",
  "note",
] as const;

/** A cell as RFC 4180 wants it; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The check-ins as CSV, oldest first, one row each (undone ones flagged). */
export async function exportCheckInsCsv(playerId: string): Promise<string> {
  const rows = await db.checkIn.findMany({
    where: { playerId },
    orderBy: { happenedAt: "asc" },
    select: CHECK_IN_ROW,
  });
  const lines = rows.map((r) =>
    [
      r.id,
      r.questId,
      r.quest.title,
      r.dayKey,
      r.happenedAt.toISOString(),
      r.source,
      r.value?.toString() ?? "",
      String(r.undo !== null),
      r.note ?? "",
    ]
      .map(cell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...lines].join("\r\n") + "\r\n";
}
