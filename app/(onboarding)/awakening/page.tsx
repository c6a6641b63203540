import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { starterDailies } from "@/lib/player/service";
import { requirePlayer } from "@/lib/auth/player";
import { JOBS, type Job } from "@/lib/progression/rules";
import { AwakeningForm, type JobOption } from "./awakening-form";

export const metadata: Metadata = { title: "Awakening" };

export default async function AwakeningPage() {
  const { playerId, now } = await requirePlayer("/awakening");
  const status = await cachedPlayerStatus(playerId, now);
  if (status.awakened) redirect("/dashboard");
  const jobs: JobOption[] = (Object.keys(JOBS) as Job[]).map((job) => ({
    job,
    name: JOBS[job].name,
    stats: [...JOBS[job].stats],
    starters: starterDailies(job).map(({ title, difficulty }) => ({ title, difficulty })),
  }));
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(status.timeZone)) zones.unshift(status.timeZone);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Awakening">
        <p className="mb-4 text-center text-mist">
          [SYSTEM] You have been chosen as a Player. Confirm who you are and choose your path.
        </p>
        <AwakeningForm hunterName={status.hunterName} timeZone={status.timeZone} zones={zones} jobs={jobs} />
      </Panel>
    </main>
  );
}
