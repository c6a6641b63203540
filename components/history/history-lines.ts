import type { CheckInGroup } from "@/lib/days/queries";

export type HistoryLine = {
  questTitle: string;
  count: number;
  total: number | null;
  undone: boolean;
  /** How the entries reached the System, when not live: "backfill", "imported", "recorded later", "offline". */
  label: string | null;
  /** The line's noted check-ins, oldest first. */
  notes: { id: string; note: string }[];
  /** The line's latest check-in: where a note is added when none has one. */
  latestId: string;
};

type Group = Omit<CheckInGroup, "dayKey">;

function labelOf(group: Group) {
  if (group.source === "BACKFILL") return "backfill";
  if (group.source === "IMPORT") return "imported";
  if (group.later) return "recorded later";
  return group.source === "OFFLINE" ? "offline" : null;
}

/**
 * A day's check-in groups (getHistoryGroups, ordered by their first check-in) as the history screen shows them: one
 * line per quest and label, with a count ("×5").
 */
export function historyLines(groups: readonly Group[]): HistoryLine[] {
  const lines = new Map<string, HistoryLine & { last: Date; noted: Group["noted"] }>();
  for (const group of groups) {
    const label = labelOf(group);
    const key = `${group.questId}|${group.undone}|${label}`;
    const line = lines.get(key);
    if (!line) {
      lines.set(key, { ...group, label, notes: [] });
      continue;
    }
    line.count += group.count;
    if (group.total !== null) line.total = (line.total ?? 0) + group.total;
    line.noted = [...line.noted, ...group.noted];
    if (group.last > line.last) Object.assign(line, { last: group.last, latestId: group.latestId });
  }
  return [...lines.values()].map((line) => ({
    questTitle: line.questTitle,
    count: line.count,
    total: line.total,
    undone: line.undone,
    label: line.label,
    notes: [...line.noted].sort((a, b) => a.at.localeCompare(b.at)).map(({ id, note }) => ({ id, note })),
    latestId: line.latestId,
  }));
}
