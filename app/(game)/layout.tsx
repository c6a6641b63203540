import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { SoundToggle } from "@/components/status/sound-toggle";

const NAV = [
  { href: "/dashboard", label: "Status" },
  { href: "/quests/new", label: "New quest" },
  { href: "/history", label: "History" },
  { href: "/report", label: "Report" },
  { href: "/achievements", label: "Achievements" },
  { href: "/leaderboard", label: "Leaderboard" },
  { href: "/settings", label: "Settings" },
] as const;

export default function GameLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 px-4 py-6">
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <Link
          href="/dashboard"
          className="font-display flex min-h-11 items-center text-lg font-bold tracking-widest text-system uppercase"
        >
          The System
        </Link>
        <span className="flex items-center gap-2">
          <SoundToggle />
          <SignOutButton />
        </span>
      </header>
      <nav aria-label="Main" className="-mx-1 flex flex-wrap gap-1 text-sm">
        {NAV.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className="flex min-h-11 items-center px-2 text-slate-300 underline-offset-4 hover:text-system hover:underline"
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <div id="main">{children}</div>
    </div>
  );
}
