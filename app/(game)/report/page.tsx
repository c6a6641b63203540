import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WeekChart } from "@/components/insights/week-chart";
import { BackToStatus } from "@/components/nav/back-to-status";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { AppError } from "@/lib/errors";
import { reportQuerySchema } from "@/lib/insights/schemas";
import { getReport, type ReportView } from "@/lib/insights/service";
import { formatLocalTime } from "@/lib/time/rules";
import { RecommendationList } from "./recommendations";

export const metadata: Metadata = { title: "System Report" };

const number = new Intl.NumberFormat("en");
const signed = (n: number) => (n > 0 ? `+${number.format(n)}` : n < 0 ? `−${number.format(-n)}` : "±0");
const hour = (h: number | null) => (h === null ? "—" : formatLocalTime(h * 60));

function dateRange(from: string, to: string): string {
  const format = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
  return `${format.format(new Date(`${from}T00:00:00Z`))} – ${format.format(new Date(`${to}T00:00:00Z`))}`;
}

function Facts({ facts }: { facts: ReportView["facts"] }) {
  const rows: [string, string][] = [
    ["Quests completed", number.format(facts.totals.completions)],
    ["XP", signed(facts.totals.xp)],
    ["Gold", signed(facts.totals.gold)],
    [
      "Streak at the end",
      facts.streak.atEnd === null ? "—" : `${facts.streak.atEnd} ${facts.streak.atEnd === 1 ? "day" : "days"}`,
    ],
    ["Best day", facts.bestDay ? `${facts.bestDay.weekday} (${facts.bestDay.done}/${facts.bestDay.due})` : "—"],
    ["Weakest day", facts.worstDay ? `${facts.worstDay.weekday} (${facts.worstDay.done}/${facts.worstDay.due})` : "—"],
    ["Weakest stat", `${facts.weakestStat.stat} ${facts.weakestStat.value}`],
    [
      "Penalty Zone",
      facts.penaltyZone.visits === 0
        ? "not entered"
        : `${facts.penaltyZone.visits}× (${facts.penaltyZone.cleared} survived, ${facts.penaltyZone.failed} failed)`,
    ],
  ];
  if (facts.totals.slips > 0) rows.splice(1, 0, ["Bad-habit slips", number.format(facts.totals.slips)]);
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-slate-400 uppercase">{label}</dt>
          <dd className="text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function QuestTable({ quests }: { quests: ReportView["facts"]["quests"] }) {
  if (quests.length === 0) return <p className="text-sm text-slate-400">No quest this week.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-400 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-2 font-normal">
              Quest
            </th>
            <th scope="col" className="py-1 pr-2 font-normal">
              Done
            </th>
            <th scope="col" className="py-1 pr-2 font-normal">
              Usually
            </th>
            <th scope="col" className="py-1 font-normal">
              Strength
            </th>
          </tr>
        </thead>
        <tbody>
          {quests.map((q, i) => (
            <tr key={`${q.title}-${i}`} className="border-t border-system/10">
              <th scope="row" className="py-2 pr-2 font-normal text-slate-100">
                {q.title}
              </th>
              <td className="py-2 pr-2 whitespace-nowrap">
                {q.slips > 0 ? `${q.slips} slips` : q.due !== null ? `${q.done}/${q.due}` : q.completions}
              </td>
              <td className="py-2 pr-2">{hour(q.usualHour)}</td>
              <td className="py-2 whitespace-nowrap">
                {q.strength === null ? "—" : `${q.strength}% (${signed(q.strengthChange ?? 0)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { playerId, now } = await requirePlayer("/report");
  const query = reportQuerySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  let report: ReportView;
  try {
    report = await getReport(playerId, now, query.data.week);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { facts } = report;
  return (
    <main className="flex flex-col gap-6">
      <Panel title="System Report">
        <nav aria-label="Weeks" className="mb-4 flex flex-wrap justify-center gap-1 text-sm">
          {report.weeks.map((week, i) => (
            <Link
              key={week}
              href={`/report?week=${week}`}
              aria-current={week === report.week ? "page" : undefined}
              className={`flex min-h-11 items-center border px-3 ${
                week === report.week ? "border-system text-system" : "border-system/20 text-slate-300"
              }`}
            >
              {i === 0 ? "This week" : week.replace(/^\d{4}-/, "")}
            </Link>
          ))}
        </nav>
        <p className="text-center text-xs tracking-widest text-slate-400 uppercase">
          {report.week} · {dateRange(facts.from, facts.to)}
          {!facts.complete && " · under way"}
        </p>
        <h2 className="font-display mt-2 text-center text-lg font-bold text-slate-100" data-testid="report-headline">
          {report.headline}
        </h2>
        <div className="mt-3 flex flex-col gap-3 text-slate-200" data-testid="report-text">
          {report.text.split("\n\n").map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
        <p className="mt-3 text-xs text-slate-400" data-testid="report-source">
          {report.source === "openai"
            ? "Written by the System's voice (OpenAI) from the facts below."
            : "The System's plain voice, from the facts below."}
        </p>
      </Panel>
      <Panel title="The week">
        <WeekChart days={facts.days} />
        <div className="mt-4">
          <Facts facts={facts} />
        </div>
        <div className="mt-4">
          <QuestTable quests={facts.quests} />
        </div>
      </Panel>
      <Panel title="Recommendations">
        <RecommendationList items={report.recommendations} />
      </Panel>
      <BackToStatus />
    </main>
  );
}
