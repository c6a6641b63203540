import { DesktopNav } from "@/components/nav/desktop-nav";
import { IntentLink } from "@/components/nav/intent-link";
import { TabBar } from "@/components/nav/tab-bar";
import { InboxBell } from "@/components/notifications/inbox-bell";
import { SignOutButton } from "@/components/sign-out-button";
import { SoundToggle } from "@/components/status/sound-toggle";

export default function GameLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-6xl flex-col gap-4 px-4 pt-3 pb-28 md:gap-6 md:py-6">
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <header className="flex items-center justify-between gap-2">
        <IntentLink
          href="/dashboard"
          className="font-display flex min-h-11 items-center text-lg font-bold tracking-widest text-system uppercase"
        >
          The System
        </IntentLink>
        <DesktopNav />
        <span className="flex items-center gap-2">
          <InboxBell />
          <SoundToggle />
          <span className="hidden md:inline">
            <SignOutButton />
          </span>
        </span>
      </header>
      <div id="main">{children}</div>
      <TabBar />
    </div>
  );
}
