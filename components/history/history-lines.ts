import { type DayKey, localDay } from "@/lib/time/rules";

type CheckInRow = {
  id: string;
  questId: string;
  questTitle: string;
  recordedAt: string;
  source: string;
  value: number | null;
  note: string | null;
  undone: boolean;
};

export type HistoryLine = {
  questTitle: string;
  count: number;
  total: number | null;
  undone: boolean;
  /** How the entries reached the System, when not live: "backfill", "imported", "recorded later", "offline". */
  label: string | null;
  /** The check-ins on the line, oldest first, with their notes. */
  entries: { id: string; note: string | null }[];
};

function labelOf(row: CheckInRow, day: DayKey, clock: { timeZone: string; dayStartMinute: number }) {
  if (row.source === "BACKFILL") return "backfill";
  if (row.source === "IMPORT") return "imported";
  // Recorded after its day ended ("record yesterday", or an offline check-in synced the next day).
  if (localDay(new Date(row.recordedAt), clock) > day) return "recorded later";
  return row.source === "OFFLINE" ? "offline" : null;
}

/** A day's check-ins as the history screen shows them: one line per quest and label, with a count ("×5"). */
export function historyLines(
  rows: readonly CheckInRow[],
  day: DayKey,
  clock: { timeZone: string; dayStartMinute: number },
): HistoryLine[] {
  const lines = new Map<string, HistoryLine>();
  for (const row of rows) {
    const label = labelOf(row, day, clock);
    const key = `${row.questId}|${row.undone}|${label}`;
    const line = lines.get(key) ?? {
      questTitle: row.questTitle,
      count: 0,
      total: null,
      undone: row.undone,
      label,
      entries: [],
    };
    line.count += 1;
    line.entries.push({ id: row.id, note: row.note });
    if (row.value !== null) line.total = (line.total ?? 0) + row.value;
    lines.set(key, line);
  }
  return [...lines.values()];
}
