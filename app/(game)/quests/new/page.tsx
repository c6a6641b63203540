import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/auth/player";
import { blankQuest } from "../quest-values";
import { QuestForm } from "../quest-form";

export const metadata: Metadata = { title: "New quest" };

export default async function NewQuestPage() {
  const { playerId, now } = await requirePlayer("/quests/new");
  const status = await cachedPlayerStatus(playerId, now);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="New quest">
        <QuestForm initial={blankQuest(status.today)} />
      </Panel>
      <Link href="/dashboard" className="flex min-h-11 items-center text-system underline underline-offset-4">
        Back to status
      </Link>
    </main>
  );
}
