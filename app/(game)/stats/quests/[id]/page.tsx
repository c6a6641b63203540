import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart, LineChart } from "@/components/stats/charts";
import { strengthSummary } from "@/components/charts/strength-line";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { getQuestStats } from "@/lib/stats/queries";
import { barSummary } from "@/lib/stats/rules";

export const metadata: Metadata = { title: "Quest statistics" };

export default async function QuestStatsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePlayer(`/stats/quests/${encodeURIComponent(id)}`);
  const { playerId } = viewer;
  const { today } = await cachedPlayerStatus(viewer);
  const stats = await getQuestStats(playerId, id, today);
  if (!stats) notFound();
  const { quest, streaks } = stats;
  const best = streaks.best.length > 0 ? streaks.best.join(", ") : "none yet";
  return (
    <main className="flex flex-col gap-6">
      <Panel title={quest.title}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-400">Check-ins</dt>
          <dd className="text-slate-100" data-testid="stats-total">
            {stats.total.toLocaleString("en")} since {stats.historyFrom}
          </dd>
          <dt className="text-slate-400">Quest streak</dt>
          <dd className="text-slate-100">{streaks.current}</dd>
          <dt className="text-slate-400">Best streaks</dt>
          <dd className="text-slate-100" data-testid="best-streaks">
            {best}
          </dd>
        </dl>
      </Panel>
      <Panel title="Completions">
        <div className="flex flex-col gap-6">
          <BarChart
            title="By week"
            unit="check-ins"
            points={stats.weeks}
            x={{ title: "Week starting", dates: "day" }}
            summary={barSummary(stats.weeks, "check-ins over 26 weeks")}
          />
          <BarChart
            title="By month"
            unit="check-ins"
            points={stats.months}
            x={{ title: "Month", dates: "month" }}
            summary={barSummary(stats.months, "check-ins over 12 months")}
          />
          <BarChart
            title="By weekday"
            unit="check-ins"
            points={stats.weekdays}
            x={{ title: "Weekday" }}
            summary={barSummary(stats.weekdays, "check-ins")}
          />
        </div>
      </Panel>
      {(quest.kind === "DAILY" || quest.kind === "HABIT") && (
        <Panel title="Strength">
          <LineChart
            title="Strength, week by week"
            unit="strength"
            percent
            x={{ title: "Week starting", dates: "day" }}
            series={[{ name: "Strength", points: stats.strength, color: "#00d9ff" }]}
            summary={strengthSummary(stats.strength.map((p) => ({ day: p.label, strength: p.value })))}
          />
        </Panel>
      )}
      {stats.values && quest.target && (
        <Panel title="Values">
          <LineChart
            title={`${quest.target.unit} per day against the target`}
            unit={quest.target.unit}
            target={quest.target.value}
            x={{ title: "Day", dates: "day" }}
            series={[{ name: quest.target.unit, points: stats.values, color: "#00d9ff" }]}
            summary={`Target ${quest.target.direction === "AT_MOST" ? "at most" : "at least"} ${quest.target.value.toLocaleString("en")} ${quest.target.unit}: reached on ${
              stats.values.filter((v) =>
                quest.target!.direction === "AT_MOST" ? v.value <= quest.target!.value : v.value >= quest.target!.value,
              ).length
            } of the last 30 days.`}
          />
        </Panel>
      )}
      <nav aria-label="Quest statistics" className="flex flex-wrap gap-4">
        <Link href="/stats" className="flex min-h-11 items-center text-system underline underline-offset-4">
          All statistics
        </Link>
        <Link
          href={`/quests/${quest.id}`}
          className="flex min-h-11 items-center text-system underline underline-offset-4"
        >
          The quest
        </Link>
      </nav>
    </main>
  );
}
