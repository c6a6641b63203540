import type { Metadata } from "next";
import { BackToStatus } from "@/components/nav/back-to-status";
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
import { EmailForm } from "./email-form";
import { HunterNameForm } from "./hunter-name-form";
import { JobForm } from "./job-form";
import { PasswordForm } from "./password-form";
import { getAccount } from "@/lib/accounts/service";
import { STAT_GLOSSARY, STATS } from "@/lib/progression/rules";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const viewer = await requirePlayer("/settings");
  const { playerId } = viewer;
  const { today } = await cachedPlayerStatus(viewer);
  const [settings, account, tokens, devices] = await Promise.all([
    getPlayerSettings(playerId, today),
    getAccount(playerId),
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
      <Panel title="Hunter">
        <div className="flex flex-col gap-6">
          <HunterNameForm hunterName={settings.hunterName} />
          {settings.job && <JobForm job={settings.job} nextChange={settings.nextJobChange} />}
          <section aria-labelledby="stat-glossary" className="flex flex-col gap-2">
            <h2 id="stat-glossary" className="font-display text-sm font-bold tracking-widest text-mist uppercase">
              What feeds your stats
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {STATS.map((stat) => (
                <div key={stat} className="contents">
                  <dt className="text-slate-100">
                    {stat} <span className="text-slate-400">{STAT_GLOSSARY[stat].name}</span>
                  </dt>
                  <dd className="text-slate-300">{STAT_GLOSSARY[stat].fedBy}</dd>
                </div>
              ))}
            </dl>
            <p className="text-xs text-slate-400">
              Each stat is 10, +5 for each of your job&apos;s two, + the points you spend, + 10 × the strength of every
              active quest tagged with it: tag a quest with the stats it trains.
            </p>
          </section>
        </div>
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
        <div className="flex flex-col gap-6">
          {account.hasPassword ? (
            <>
              <EmailForm email={account.email} />
              <PasswordForm />
            </>
          ) : (
            <p className="text-sm text-mist">
              You sign in with GitHub or Google as {account.email}. To sign in with a password too, use &ldquo;Forgot
              password&rdquo; on the sign-in page to set one.
            </p>
          )}
          <SignOutEverywhere tokenCount={tokens.length} />
          <DeleteAccount hunterName={settings.hunterName} />
        </div>
      </Panel>
      <BackToStatus />
    </main>
  );
}
