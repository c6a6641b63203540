import type { Metadata } from "next";
import Link from "next/link";
import { CalendarHeatmap } from "@/components/charts/calendar-heatmap";
import { BarChart, LineChart } from "@/components/stats/charts";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { listQuests } from "@/lib/quests/queries";
import { getOverallStats } from "@/lib/stats/queries";
import { barSummary } from "@/lib/stats/rules";

export const metadata: Metadata = { title: "Statistics" };

const STAT_COLORS = { STR: "#ff6680", AGI: "#7ee787", VIT: "#f5c542", INT: "#00d9ff", PER: "#c084fc" } as const;

export default async function StatsPage() {
  const viewer = await requirePlayer("/stats");
  const { playerId } = viewer;
  const { today } = await cachedPlayerStatus(viewer);
  const [stats, quests] = await Promise.all([
    getOverallStats(playerId, today),
    listQuests(playerId, { includeArchived: true }),
  ]);
  const lastStats = stats.stats.map((s) => `${s.stat} ${s.points.at(-1)?.value ?? 0}`).join(", ");
  const firstStats = stats.stats.map((s) => `${s.stat} ${s.points[0]?.value ?? 0}`).join(", ");
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Cleared days">
        <CalendarHeatmap
          days={stats.cleared}
          total={stats.clearedCount}
          label="Cleared days, last 12 months"
          unit="cleared day"
        />
      </Panel>
      <Panel title="XP">
        <BarChart
          title="XP by week"
          unit="XP"
          points={stats.xpWeeks}
          x={{ title: "Week starting", dates: "day" }}
          summary={`${barSummary(stats.xpWeeks, "XP")} Imported history awards no XP.`}
        />
      </Panel>
      <Panel title="Stats">
        <LineChart
          title="The five stats, week by week"
          unit="stat points"
          x={{ title: "Week starting", dates: "day" }}
          series={stats.stats.map((s) => ({ name: s.stat, points: s.points, color: STAT_COLORS[s.stat] }))}
          summary={`Now ${lastStats}; 26 weeks ago ${firstStats}.`}
        />
      </Panel>
      <Panel title="Each quest">
        <ul className="flex flex-col gap-1">
          {quests
            .filter((q) => q.kind !== "PENALTY")
            .map((q) => (
              <li key={q.id}>
                <Link
                  href={`/stats/quests/${q.id}`}
                  className="inline-flex min-h-11 items-center text-system underline underline-offset-4"
                >
                  {q.title}
                  {q.archived && <span className="ml-2 text-xs text-slate-400">archived</span>}
                </Link>
              </li>
            ))}
        </ul>
      </Panel>
    </main>
  );
}
