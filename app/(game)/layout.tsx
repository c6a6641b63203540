export default function GameLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 px-4 py-6">{children}</div>;
}
