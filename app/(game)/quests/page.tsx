import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";
import { getQuestBoard } from "@/lib/quests/queries";
import { QuestBoard } from "./quest-board";

export const metadata: Metadata = { title: "Quests" };

/** Every quest in Habitica's three columns, in the Hunter's own order, with the archived ones to restore. */
export default async function QuestsPage() {
  const viewer = await requirePlayer("/quests");
  const quests = await getQuestBoard(viewer.playerId, viewer.now);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Quests">
        {quests.length === 0 ? (
          <p className="text-center text-mist">
            No quests yet.{" "}
            <Link href="/quests/new" className="text-system underline underline-offset-4">
              Create your first quest
            </Link>
            .
          </p>
        ) : (
          <QuestBoard quests={quests} />
        )}
      </Panel>
    </main>
  );
}
