import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { getHistory } from "@/lib/days/queries";
import { BACKFILL_MAX_DAYS } from "@/lib/days/rules";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/player/session";
import { listActiveQuestOptions, listOpenDailies } from "@/lib/quests/queries";
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

type HistoryCheckIn = { id: string; questTitle: string; happenedAt: string; source: string; undone: boolean };

export default async function HistoryPage() {
  const { playerId, now } = await requirePlayer("/history");
  const status = await cachedPlayerStatus(playerId, now);
  const yesterday = status.yesterday.day;
  const [history, open, quests] = await Promise.all([
    getHistory(playerId, addDays(status.today, -29), status.today),
    status.yesterday.settled ? Promise.resolve([]) : listOpenDailies(playerId, yesterday),
    listActiveQuestOptions(playerId),
  ]);
  const days = Array.from({ length: BACKFILL_MAX_DAYS }, (_, i) => addDays(status.today, -(i + 1)));
  const byDay = new Map(history.map((d) => [d.day, d]));
  const last30 = Array.from({ length: 30 }, (_, i) => addDays(status.today, -i));
  return (
    <main className="flex flex-col gap-6">
      {!status.yesterday.settled && (
        <Panel title="Yesterday">
          <YesterdayPanel day={yesterday} open={open} />
        </Panel>
      )}
      <Panel title="Backfill">
        <p className="mb-3 text-sm text-mist">
          Forgot to check in? Record a quest for one of the last {BACKFILL_MAX_DAYS} days. Settled days are fixed in
          history and strength but earn no XP.
        </p>
        <BackfillForm days={days} quests={quests} />
      </Panel>
      <Panel title="History">
        <ol className="flex flex-col gap-3" aria-label="Last 30 days">
          {last30.map((day) => {
            const entry = byDay.get(day);
            const outcome = entry?.outcome ? OUTCOME[entry.outcome] : null;
            const checkIns = (entry?.checkIns ?? []) as HistoryCheckIn[];
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
                {checkIns.length > 0 ? (
                  <ul className="mt-1 text-sm">
                    {checkIns.map((c) => (
                      <li key={c.id} className={c.undone ? "text-slate-500 line-through" : "text-mist"}>
                        {c.questTitle}
                        {c.source === "BACKFILL" && <span className="ml-2 text-xs text-slate-400">backfill</span>}
                        {c.undone && <span className="sr-only"> (undone)</span>}
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
      <Link href="/dashboard" className="flex min-h-11 items-center text-system underline underline-offset-4">
        Back to status
      </Link>
    </main>
  );
}
