import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { Panel } from "@/components/ui/panel";
import { requirePlayer } from "@/lib/auth/player";

export const metadata: Metadata = { title: "More" };

const LINKS = [
  { href: "/report", label: "System Report", hint: "Your week in facts, and what the System recommends" },
  { href: "/stats", label: "Statistics", hint: "Completions, strength, streaks, a year of cleared days" },
  { href: "/shop", label: "Shop", hint: "Spend gold on your own rewards, or a streak shield" },
  { href: "/achievements", label: "Achievements", hint: "Unlocks, progress and titles" },
  { href: "/leaderboard", label: "Leaderboard", hint: "Where you stand this week and all time" },
  { href: "/settings", label: "Settings", hint: "Account, clock, rest, notifications, your data" },
] as const;

/** The phone's "More" tab: the destinations the tab bar has no room for. */
export default async function MorePage() {
  await requirePlayer("/more");
  return (
    <main>
      <Panel title="More">
        <ul className="flex flex-col divide-y divide-system/20">
          {LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="flex min-h-14 flex-col justify-center py-2 hover:text-system">
                <span className="font-display text-lg font-bold tracking-wider text-slate-100 uppercase">
                  {link.label}
                </span>
                <span className="text-sm text-slate-400">{link.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-6 flex justify-center">
          <SignOutButton />
        </div>
      </Panel>
    </main>
  );
}
