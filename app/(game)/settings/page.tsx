import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { cachedPlayerStatus } from "@/lib/player/cache";
import { getPlayerSettings } from "@/lib/player/queries";
import { requirePlayer } from "@/lib/auth/player";
import { listTokens } from "@/lib/tokens/queries";
import { listDevices } from "@/lib/notifications/queries";
import { ClockForm } from "./clock-form";
import { DeleteAccount } from "./delete-account";
import { NotificationsForm } from "./notifications-form";
import { PushDevices } from "./push-devices";
import { RestForm } from "./rest-form";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { TokenList } from "./token-list";
import { VoiceSection } from "./voice-section";
import { modelConfigured } from "@/lib/insights/openai";
import { ImportsSection } from "./imports-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requirePlayer("/settings");
  const { playerId } = viewer;
  const { today } = await cachedPlayerStatus(viewer);
  const [settings, tokens, devices] = await Promise.all([
    getPlayerSettings(playerId, today),
    listTokens(playerId, new Date()),
    listDevices(playerId),
  ]);
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(settings.timeZone)) zones.unshift(settings.timeZone);
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Settings">
        <ClockForm
          zones={zones}
          timeZone={settings.timeZone}
          dayStartMinute={settings.dayStartMinute}
          leaderboardOptOut={settings.leaderboardOptOut}
        />
      </Panel>
      <Panel title="Rest">
        <RestForm today={today} periods={settings.restPeriods} />
      </Panel>
      <Panel title="Notifications">
        <PushDevices devices={devices} />
        <NotificationsForm prefs={settings.notificationPrefs} />
      </Panel>
      <Panel title="The System's voice">
        <VoiceSection aiOptIn={settings.aiOptIn} available={modelConfigured()} />
      </Panel>
      <Panel title="Your data">
        <ul className="flex flex-col gap-2">
          <li>
            <a
              href="/api/v1/export"
              download
              className="flex min-h-11 items-center text-system underline underline-offset-4"
            >
              Export everything (JSON)
            </a>
          </li>
          <li>
            <a
              href="/api/v1/export?format=csv"
              download
              className="flex min-h-11 items-center text-system underline underline-offset-4"
            >
              Export check-ins (CSV)
            </a>
          </li>
        </ul>
      </Panel>
      <ImportsSection playerId={playerId} />
      <Panel title="Personal access tokens">
        <TokenList tokens={tokens} />
      </Panel>
      <Panel title="Account">
        <div className="flex flex-col gap-4">
          <SignOutEverywhere tokenCount={tokens.length} />
          <DeleteAccount hunterName={settings.hunterName} />
        </div>
      </Panel>
      <Link href="/dashboard" className="flex min-h-11 items-center text-system underline underline-offset-4">
        Back to status
      </Link>
    </main>
  );
}
