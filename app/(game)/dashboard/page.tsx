import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { Panel } from "@/components/ui/panel";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/player/session";
import { QuestList } from "./quest-list";

export const metadata: Metadata = { title: "Status" };

export default async function DashboardPage() {
  const { playerId, now } = await requirePlayer("/dashboard");
  const status = await cachedPlayerStatus(playerId, now);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Status">
        <p className="text-center text-sm tracking-widest text-slate-400 uppercase">Hunter</p>
        <p className="font-display text-center text-3xl font-bold text-slate-100" data-testid="hunter-name">
          {status.hunterName}
        </p>
        <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
          <div>
            <dt className="text-xs text-slate-400 uppercase">Level</dt>
            <dd data-testid="level">{status.level}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-400 uppercase">XP</dt>
            <dd data-testid="xp">{status.xp}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-400 uppercase">Rank</dt>
            <dd>{status.rank}</dd>
          </div>
        </dl>
      </Panel>
      <Panel title="Daily quests">
        <QuestList quests={status.quests} />
      </Panel>
      <div className="flex items-center justify-between">
        <Link href="/leaderboard" className="flex min-h-11 items-center text-system underline underline-offset-4">
          Leaderboard
        </Link>
        <SignOutButton />
      </div>
    </main>
  );
}
