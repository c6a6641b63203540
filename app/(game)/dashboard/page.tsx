import type { Metadata } from "next";
import { titleOf } from "@/lib/achievements/catalogue";
import { requirePlayer } from "@/lib/auth/player";
import { getTodayInsights } from "@/lib/insights/queries";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { JOBS } from "@/lib/progression/rules";
import { DashboardView } from "./dashboard-view";
import { SystemSuggests } from "./system-suggests";

export const metadata: Metadata = { title: "Status" };

export default async function DashboardPage() {
  const viewer = await requirePlayer("/dashboard");
  const [status, insights] = await Promise.all([
    cachedPlayerStatus(viewer),
    getTodayInsights(viewer.playerId, viewer.now),
  ]);
  return (
    <DashboardView
      status={status}
      title={titleOf(status.equippedTitle)}
      job={status.job ? JOBS[status.job].name : null}
      suggestions={<SystemSuggests items={insights.suggestions} />}
      slipMarkers={insights.markers}
    />
  );
}
