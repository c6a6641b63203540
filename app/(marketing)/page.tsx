import Link from "next/link";
import { Panel } from "@/components/ui/panel";

export default function LandingPage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-8 px-4 py-12">
      <Panel title="Notification">
        <p className="text-center text-lg text-slate-100">
          You have acquired the qualifications to be a <strong className="text-system">Player</strong>.
        </p>
        <p className="mt-3 text-center text-mist">
          Clear your daily quests, earn XP, level up and rank from E to S. Skip them, and the Penalty Zone awaits.
        </p>
      </Panel>
      <nav aria-label="Account" className="flex flex-col gap-3 sm:flex-row sm:justify-center">
        <Link
          href="/sign-up"
          className="font-display flex min-h-11 items-center justify-center border border-system bg-system/10 px-6 font-bold tracking-wider text-system uppercase hover:bg-system/20"
        >
          Accept — become a Hunter
        </Link>
        <Link
          href="/sign-in"
          className="flex min-h-11 items-center justify-center px-6 text-mist underline underline-offset-4 hover:text-system"
        >
          I am already a Hunter
        </Link>
      </nav>
    </main>
  );
}
