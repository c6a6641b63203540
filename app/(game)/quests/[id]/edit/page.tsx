import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/auth/player";
import { findQuest } from "@/lib/quests/queries";
import { questValues } from "../../quest-values";
import { QuestForm } from "../../quest-form";

export const metadata: Metadata = { title: "Edit quest" };

export default async function EditQuestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { playerId, now } = await requirePlayer(`/quests/${encodeURIComponent(id)}/edit`);
  const quest = await findQuest(playerId, id);
  // An archived quest still opens here: archiving re-renders this page before the Hunter is taken away.
  if (!quest || quest.kind === "PENALTY") notFound();
  const status = await cachedPlayerStatus(playerId, now);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Edit quest">
        <QuestForm initial={questValues(quest, status.today)} questId={quest.id} archived={quest.archived} />
      </Panel>
      <Link
        href={`/quests/${quest.id}`}
        className="flex min-h-11 items-center text-system underline underline-offset-4"
      >
        Back to the quest
      </Link>
    </main>
  );
}
