import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarHeatmap } from "@/components/charts/calendar-heatmap";
import { StrengthLine } from "@/components/charts/strength-line";
import { BackToStatus } from "@/components/nav/back-to-status";
import { QuestCheckIn } from "@/components/quests/quest-check-in";
import { RecentDays } from "@/components/quests/recent-days";
import { getEditableDays } from "@/lib/check-ins/queries";
import { describeSchedule, describeTarget, kindLabel, titleCase } from "@/components/quests/describe";
import { Panel } from "@/components/ui/panel";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/auth/player";
import { findQuest, getQuestHeatmap, getStrengthSeries } from "@/lib/quests/queries";
import { addDays, formatLocalTimes } from "@/lib/time/rules";

export const metadata: Metadata = { title: "Quest" };

export default async function QuestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePlayer(`/quests/${encodeURIComponent(id)}`);
  const { playerId } = viewer;
  const quest = await findQuest(playerId, id);
  if (!quest) notFound();
  const { today, quests } = await cachedPlayerStatus(viewer);
  const playable = quests.find((q) => q.id === quest.id && q.kind !== "PENALTY");
  // A to-do is done once: a year of days says nothing about it.
  const editable = playable && quest.kind !== "ONE_TIME";
  const [heatmap, strength, recent] = await Promise.all([
    quest.kind === "ONE_TIME" ? null : getQuestHeatmap(playerId, quest.id, today),
    quest.kind === "DAILY" || quest.kind === "HABIT"
      ? getStrengthSeries(playerId, quest.id, addDays(today, -179), today)
      : null,
    editable ? getEditableDays(playerId, quest.id, today) : null,
  ]);
  const facts: [string, string][] = [
    ["Kind", kindLabel(quest.kind)],
    ["Difficulty", titleCase(quest.difficulty)],
    ["Stats", quest.kind === "ONE_TIME" ? "To-dos feed no stats" : quest.stats.join(", ")],
    ...(quest.schedule ? [["Schedule", describeSchedule(quest.schedule)] as [string, string]] : []),
    ["Times per day", String(quest.timesPerDay)],
    ...(quest.target ? [["Target", describeTarget(quest.target)] as [string, string]] : []),
    ...(quest.reminderTimes.length > 0
      ? [
          [quest.reminderTimes.length > 1 ? "Reminders" : "Reminder", formatLocalTimes(quest.reminderTimes)] as [
            string,
            string,
          ],
        ]
      : []),
    ...(quest.kind === "HABIT" ? [["Habit", quest.positive ? "Good" : "Bad"] as [string, string]] : []),
    ...(quest.dueDay ? [["Due", quest.dueDay] as [string, string]] : []),
  ];
  return (
    <main className="flex flex-col gap-6">
      <Panel title={quest.title}>
        {quest.archived && <p className="mb-3 text-center text-sm text-slate-400">Archived</p>}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-slate-400">{term}</dt>
              <dd className="text-slate-100">{value}</dd>
            </div>
          ))}
          {strength && (
            <div className="contents">
              <dt className="text-slate-400">Quest streak</dt>
              <dd className="text-slate-100" data-testid="quest-streak">
                {strength.questStreak}
              </dd>
            </div>
          )}
        </dl>
        {quest.checklist && quest.checklist.length > 0 && (
          <ul className="mt-3 list-inside list-disc text-sm text-slate-100">
            {quest.checklist.map((item, i) => (
              <li key={i} className={item.done ? "line-through" : undefined}>
                {item.text}
              </li>
            ))}
          </ul>
        )}
        {quest.notes && <p className="mt-3 text-sm whitespace-pre-wrap text-mist">{quest.notes}</p>}
        {playable && (
          <div className="mt-4">
            <QuestCheckIn quest={playable} />
          </div>
        )}
      </Panel>
      {recent && recent.length > 0 && (
        <Panel title="Last 7 days">
          <RecentDays questId={quest.id} unit={quest.target?.unit ?? null} days={recent} />
        </Panel>
      )}
      {heatmap && (
        <Panel title="Completions">
          <CalendarHeatmap
            days={heatmap.days}
            total={heatmap.total}
            label={`Completions of ${quest.title}, last 12 months`}
          />
        </Panel>
      )}
      {strength && (
        <Panel title="Strength">
          <StrengthLine series={strength.series} />
        </Panel>
      )}
      <nav aria-label="Quest" className="flex flex-wrap items-center justify-between gap-2">
        <BackToStatus />
        <Link href="/quests" className="flex min-h-11 items-center text-system underline underline-offset-4">
          All quests
        </Link>
        {!quest.archived && quest.kind !== "PENALTY" && (
          <Link
            href={`/quests/${quest.id}/edit`}
            className="flex min-h-11 items-center text-system underline underline-offset-4"
          >
            Edit quest
          </Link>
        )}
      </nav>
    </main>
  );
}
