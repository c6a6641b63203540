import type { Metadata } from "next";
import { BackToStatus } from "@/components/nav/back-to-status";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { requirePlayer } from "@/lib/auth/player";
import { NewQuest } from "./new-quest-client";

export const metadata: Metadata = { title: "New quest" };

export default async function NewQuestPage() {
  const viewer = await requirePlayer("/quests/new");
  const status = await cachedPlayerStatus(viewer);
  return (
    <main className="flex flex-col gap-6">
      <NewQuest today={status.today} />
      <BackToStatus />
    </main>
  );
}
