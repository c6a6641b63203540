import { SignOutButton } from "@/components/sign-out-button";

/** The Awakening has no navigation: until a job is chosen there is nowhere else to go. */
export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 px-4 py-6">
      <header className="flex items-center justify-between gap-2">
        <span className="font-display flex min-h-11 items-center text-lg font-bold tracking-widest text-system uppercase">
          The System
        </span>
        <SignOutButton />
      </header>
      <div id="main">{children}</div>
    </div>
  );
}
