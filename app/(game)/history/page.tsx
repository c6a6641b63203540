import type { Metadata } from "next";
import { CheckInNote } from "@/components/check-ins/check-in-note";
import { historyLines, type HistoryLine } from "@/components/history/history-lines";
import { BackToStatus } from "@/components/nav/back-to-status";
import { Panel } from "@/components/ui/panel";
import { getHistoryGroups } from "@/lib/days/queries";
import { listPurchases } from "@/lib/shop/queries";
import { BACKFILL_MAX_DAYS } from "@/lib/days/rules";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/auth/player";
import { listActiveQuestOptions } from "@/lib/quests/queries";
import { addDays } from "@/lib/time/rules";
import { BackfillForm, YesterdayPanel } from "./history-client";

export const metadata: Metadata = { title: "History" };

const OUTCOME: Record<string, { label: string; className: string }> = {
  CLEARED: { label: "Cleared", className: "text-system" },
  FAILED: { label: "Failed", className: "text-[#ff6680]" },
  SHIELDED: { label: "Shielded", className: "text-gold" },
  NEUTRAL: { label: "Neutral", className: "text-slate-400" },
  REST: { label: "Rest", className: "text-slate-400" },
};

const number = new Intl.NumberFormat("en");

function penaltyText(p: {
  status: string;
  progress: number;
  required: number;
  fineXp: number;
  fineGold: number;
  returnedXp: number;
}) {
  if (p.status === "OPEN") return `Survival Quest open: ${p.progress} of ${p.required} quests`;
  if (p.status === "CLEARED") return `Survival Quest cleared (${p.progress} of ${p.required} quests)`;
  const returned = p.returnedXp > 0 ? `, +${p.returnedXp} XP returned` : "";
  return `Survival Quest failed: −${p.fineXp} XP, −${p.fineGold} gold${returned}`;
}

/** A line's notes, each editable; a line without any offers to add one to its latest check-in. */
function LineNotes({ line, day }: { line: HistoryLine; day: string }) {
  const shown = line.notes.length > 0 ? line.notes : [{ id: line.latestId, note: null }];
  return shown.map((entry) => (
    <CheckInNote key={entry.id} checkInId={entry.id} note={entry.note} label={`${line.questTitle} on ${day}`} />
  ));
}

export default async function HistoryPage() {
  const viewer = await requirePlayer("/history");
  const { playerId } = viewer;
  const status = await cachedPlayerStatus(viewer);
  const yesterday = status.yesterday.day;
  const from = addDays(status.today, -29) < status.firstDay ? status.firstDay : addDays(status.today, -29);
  const [history, quests, purchases] = await Promise.all([
    getHistoryGroups(playerId, from, status.today, status),
    listActiveQuestOptions(playerId),
    listPurchases(playerId, from, status.today),
  ]);
  // Only days the Hunter existed; each quest offers only the days it existed (history-client).
  const days = Array.from({ length: BACKFILL_MAX_DAYS }, (_, i) => addDays(status.today, -(i + 1))).filter(
    (day) => day >= status.firstDay,
  );
  const byDay = new Map(history.map((d) => [d.day, d]));
  const shown = Array.from({ length: 30 }, (_, i) => addDays(status.today, -i)).filter((day) => day >= from);
  const units = new Map(quests.map((q) => [q.id, q.target?.unit ?? null]));
  const open = status.yesterdayOpenDailies.map((q) => ({ ...q, unit: units.get(q.id) ?? null }));
  return (
    <main className="flex flex-col gap-6">
      {!status.yesterday.settled && (
        <Panel title="Yesterday">
          <YesterdayPanel day={yesterday} open={open} />
        </Panel>
      )}
      {days.length > 0 && (
        <Panel title="Backfill">
          <p className="mb-3 text-sm text-mist">
            Forgot to check in? Record a quest for one of the last {BACKFILL_MAX_DAYS} days. Settled days are fixed in
            history and strength but earn no XP.
          </p>
          <BackfillForm days={days} quests={quests} />
        </Panel>
      )}
      <Panel title="History">
        <ol className="flex flex-col gap-3" aria-label={`Last ${shown.length} days`}>
          {shown.map((day) => {
            const entry = byDay.get(day);
            const outcome = entry?.outcome ? OUTCOME[entry.outcome] : null;
            const lines = historyLines(entry?.checkIns ?? []);
            return (
              <li key={day} className="border border-system/20 px-3 py-2" data-testid={`day-${day}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-display font-bold text-slate-100">
                    {day === status.today ? `${day} (today)` : day}
                  </span>
                  <span className={outcome?.className ?? "text-slate-400"}>
                    {outcome ? outcome.label : day >= yesterday && !status.yesterday.settled ? "Open" : "Not settled"}
                    {entry?.streakAfter !== null &&
                      entry?.streakAfter !== undefined &&
                      ` · streak ${entry.streakAfter}`}
                  </span>
                </div>
                {entry?.penalties.map((p) => (
                  <p
                    key={p.deadline.toString()}
                    className={`mt-1 text-sm ${p.status === "FAILED" ? "text-[#ff6680]" : "text-gold"}`}
                  >
                    {penaltyText(p)}
                  </p>
                ))}
                {purchases
                  .filter((p) => p.dayKey === day)
                  .map((p) => (
                    <p key={p.id} className={`mt-1 text-sm ${p.undone ? "text-slate-500 line-through" : "text-gold"}`}>
                      Shop: {p.title} · −{number.format(p.price)} gold
                      {p.undone && <span className="sr-only"> (undone)</span>}
                    </p>
                  ))}
                {lines.length > 0 ? (
                  <ul className="mt-1 text-sm">
                    {lines.map((line) => (
                      <li
                        key={`${line.questTitle}|${line.undone}|${line.label}`}
                        className={line.undone ? "text-slate-500 line-through" : "text-mist"}
                      >
                        {line.questTitle}
                        {line.count > 1 && <span className="ml-1 text-slate-300">×{line.count}</span>}
                        {line.total !== null && (
                          <span className="ml-2 text-xs text-slate-400">{number.format(line.total)}</span>
                        )}
                        {line.label && <span className="ml-2 text-xs text-slate-400">{line.label}</span>}
                        {line.undone && <span className="sr-only"> (undone)</span>}
                        {!line.undone && <LineNotes line={line} day={day} />}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-400">No check-ins.</p>
                )}
              </li>
            );
          })}
        </ol>
      </Panel>
      <BackToStatus />
    </main>
  );
}
