import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { getLeaderboard } from "@/lib/leaderboard/queries";
import { leaderboardQuerySchema } from "@/lib/leaderboard/schemas";
import { requirePlayer } from "@/lib/auth/player";
import { OptOutButton } from "./opt-out-button";

export const metadata: Metadata = { title: "Leaderboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LeaderboardPage({ searchParams }: Props) {
  const { playerId, now } = await requirePlayer("/leaderboard");
  const parsed = leaderboardQuerySchema.safeParse({ board: (await searchParams).board });
  const board = parsed.success ? parsed.data.board : "weekly";
  const leaderboard = await getLeaderboard(board, 50, playerId, now);
  const tab = (value: "weekly" | "all", label: string) => (
    <Link
      href={`/leaderboard?board=${value}`}
      aria-current={board === value ? "page" : undefined}
      className="flex min-h-11 items-center border-b-2 border-transparent px-4 aria-[current=page]:border-system aria-[current=page]:text-system"
    >
      {label}
    </Link>
  );
  return (
    <main className="flex flex-col gap-6">
      <Panel title="Leaderboard">
        <nav aria-label="Boards" className="mb-4 flex justify-center gap-2">
          {tab("weekly", "This week")}
          {tab("all", "All time")}
        </nav>
        <p className="mb-4 text-center text-slate-100" data-testid="your-place">
          {leaderboard.you
            ? `You are #${leaderboard.you.position.toLocaleString("en")} of ${leaderboard.you.total.toLocaleString("en")}`
            : leaderboard.hidden
              ? "You are hidden from the leaderboards."
              : "Earn XP to enter this board."}
        </p>
        {leaderboard.entries.length === 0 ? (
          <p className="text-center text-mist">No Hunters on this board yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-400 uppercase">
              <tr>
                <th scope="col" className="py-2">
                  #
                </th>
                <th scope="col">Hunter</th>
                <th scope="col">Rank</th>
                <th scope="col">Level</th>
                <th scope="col" className="text-right">
                  XP
                </th>
              </tr>
            </thead>
            <tbody>
              {leaderboard.entries.map((entry) => {
                const yours = entry.position === leaderboard.you?.position;
                return (
                  <tr
                    key={entry.position}
                    aria-current={yours ? "true" : undefined}
                    className={`border-t border-system/10 ${yours ? "bg-system/15 font-bold text-system" : ""}`}
                  >
                    <td className="py-2">{entry.position}</td>
                    <td>
                      {entry.hunterName}
                      {yours && <span className="ml-2 text-xs">(you)</span>}
                      {entry.title && <span className="ml-2 text-xs text-gold">{entry.title}</span>}
                    </td>
                    <td className={entry.rank === "S" ? "text-gold" : undefined}>{entry.rank}</td>
                    <td>{entry.level}</td>
                    <td className="text-right">{entry.xp.toLocaleString("en")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Panel>
      <OptOutButton optedOut={leaderboard.hidden} />
    </main>
  );
}
