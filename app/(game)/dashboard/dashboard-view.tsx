"use client";
import { useState } from "react";
import { IntentLink } from "@/components/nav/intent-link";
import { PenaltyBanner } from "@/components/status/penalty-banner";
import { PenaltyResult } from "@/components/status/penalty-result";
import { RankTrial } from "@/components/status/rank-trial";
import { StatusWindow } from "@/components/status/status-window";
import { Panel } from "@/components/ui/panel";
import type { PlayerStatus } from "@/lib/player/rules";
import { QuestList } from "./quest-list";

type Live = { served: PlayerStatus; status: PlayerStatus };

/**
 * The newest status a check-in or undo answered with, and the served status it replaces. Kept outside the
 * component because the router's back/forward cache restores the page as it was served: coming back to it, the
 * Hunter still sees their last tap.
 */
let kept: Live | null = null;

/**
 * The dashboard's status-driven parts. A check-in or undo answers with the Hunter's new status, which replaces the
 * one the page was served with until the page is served again (another action that revalidates it, a navigation),
 * so a tap costs the write and one status read rather than a render of the whole page.
 */
export function DashboardView({
  status: served,
  title,
  job,
  suggestions,
  slipMarkers,
}: {
  status: PlayerStatus;
  /** The equipped title's and the job's names: no check-in changes them. */
  title: string | null;
  job: string | null;
  /** The System's suggestions for today, rendered on the server. */
  suggestions: React.ReactNode;
  slipMarkers: Record<string, string>;
}) {
  const [live, setLive] = useState(kept);
  const status = live?.served === served ? live.status : served;
  const onStatus = (next: PlayerStatus) => {
    kept = { served, status: next };
    setLive(kept);
  };
  return (
    // Phones: one column, alerts first. Wide screens: the status window beside today's quests.
    <main className="grid grid-cols-1 gap-6 md:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] md:items-start">
      {status.penaltyZone && (
        <div className="md:col-span-2">
          <PenaltyBanner
            title={status.penaltyZone.title}
            progress={status.penaltyZone.progress}
            required={status.penaltyZone.required}
            secondsLeft={status.penaltyZone.secondsLeft}
          />
        </div>
      )}
      <div className="flex flex-col gap-6">
        <StatusWindow
          hunterName={status.hunterName}
          title={title}
          job={job}
          level={status.level}
          rank={status.rank}
          xp={status.xp}
          xpIntoLevel={status.xpIntoLevel}
          xpForNextLevel={status.xpForNextLevel}
          xpToNextLevel={status.xpToNextLevel}
          gold={status.gold}
          held={status.held}
          stats={status.stats}
          statSources={status.statSources}
          statPointsAvailable={status.statPoints.available}
          streak={status.streak}
          shields={status.shields}
          secondsUntilReset={status.secondsUntilReset}
        />
        {suggestions}
        {status.rest && (
          <p role="note" className="border border-system/60 bg-system/5 p-3 text-center text-slate-100">
            <strong className="font-display tracking-widest text-system uppercase">Safe Zone</strong> until{" "}
            {status.rest.endDay}. No daily is due, no shield is spent, strength holds.
          </p>
        )}
        {status.penaltyResult && !status.penaltyZone && <PenaltyResult result={status.penaltyResult} />}
        {status.promotion && (
          <p role="status" className="border border-gold/60 p-3 text-center font-bold text-gold">
            [SYSTEM] Rank Trial passed. You are now a {status.promotion.rank}-Rank Hunter.
          </p>
        )}
        {status.rankTrial && <RankTrial {...status.rankTrial} streak={status.streak} />}
        {!status.awakened && (
          <Panel title="Awakening">
            <p className="text-center text-slate-100">Choose your job and the System will issue your first quests.</p>
            <IntentLink
              href="/awakening"
              className="font-display mx-auto mt-3 flex min-h-11 w-fit items-center border border-system px-5 font-bold tracking-wider text-system uppercase"
            >
              Awaken
            </IntentLink>
          </Panel>
        )}
      </div>
      <div className="flex flex-col gap-6">
        {status.yesterday.openDailies > 0 && (
          <p className="border border-system/40 p-3 text-center text-sm text-slate-100">
            Yesterday still has {status.yesterday.openDailies} open{" "}
            {status.yesterday.openDailies === 1 ? "daily" : "dailies"}.{" "}
            <IntentLink
              href="/history"
              className="inline-flex min-h-11 items-center text-system underline underline-offset-4"
            >
              Record yesterday
            </IntentLink>
          </p>
        )}
        <Panel title="Today's quests">
          <QuestList quests={status.quests} slipMarkers={slipMarkers} onStatus={onStatus} />
        </Panel>
      </div>
    </main>
  );
}
