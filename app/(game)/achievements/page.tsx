import type { Metadata } from "next";
import { BackToStatus } from "@/components/nav/back-to-status";
import { Panel } from "@/components/ui/panel";
import { getAchievements } from "@/lib/achievements/queries";
import { requirePlayer } from "@/lib/auth/player";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { TitlePicker } from "./title-picker";

export const metadata: Metadata = { title: "Achievements" };

const RARITY: Record<string, string> = {
  COMMON: "text-slate-300 border-slate-500/60",
  RARE: "text-system border-system/60",
  EPIC: "text-[#d8b4fe] border-[#a855f7]/60",
  LEGENDARY: "text-gold border-gold/70",
};

export default async function AchievementsPage() {
  const viewer = await requirePlayer("/achievements");
  const { stats } = await cachedPlayerStatus(viewer);
  const { equippedTitle, cards } = await getAchievements(viewer.playerId, Math.max(...Object.values(stats)));
  const unlocked = cards.filter((c) => c.unlockedAt);
  const titles = unlocked.flatMap((c) => (c.title ? [{ id: c.id, title: c.title }] : []));
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Title">
        <TitlePicker titles={titles} equipped={equippedTitle} />
      </Panel>
      <Panel title="Achievements">
        <p className="mb-4 text-center text-mist" data-testid="achievement-count">
          {unlocked.length} of {cards.length} unlocked
        </p>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {cards.map((card) => (
            <li
              key={card.id}
              className={`border px-3 py-2 ${card.unlockedAt ? RARITY[card.rarity] : "border-slate-700 text-slate-400"}`}
              aria-label={`${card.name}, ${card.rarity.toLowerCase()}, ${card.unlockedAt ? "unlocked" : "locked"}`}
            >
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-display font-bold">{card.name}</span>
                <span className="text-xs uppercase">{card.rarity.toLowerCase()}</span>
              </div>
              <p className="text-sm text-mist">{card.description}</p>
              {card.progress && (
                <div className="mt-1 flex items-center gap-2 text-xs text-slate-300">
                  <progress
                    value={card.progress.value}
                    max={card.progress.target}
                    aria-label={`${card.name} progress`}
                    className="h-1.5 flex-1 accent-system"
                  />
                  <span>
                    {card.progress.value.toLocaleString("en")} of {card.progress.target.toLocaleString("en")}
                  </span>
                </div>
              )}
              <p className="mt-1 text-xs text-slate-400">
                {card.unlockedAt ? `Unlocked ${card.unlockedAt.slice(0, 10)}` : "Locked"}
                {card.reward.xp > 0 && ` · +${card.reward.xp} XP`}
                {card.reward.gold > 0 && <span className="text-gold"> · +{card.reward.gold} gold</span>}
                {card.title && ` · Title: ${card.title}`}
              </p>
            </li>
          ))}
        </ul>
      </Panel>
      <BackToStatus />
    </main>
  );
}
