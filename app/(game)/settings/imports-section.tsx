import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { listImports } from "@/lib/imports/queries";
import { RollBackButton } from "./roll-back-button";

const SOURCES = { LOOP: "Loop Habit Tracker", HABITICA: "Habitica", THE_SYSTEM: "The System" } as const;
const number = new Intl.NumberFormat("en");

/** Settings → Imports: bring history in, see what came in, and roll an import back in one step. */
export async function ImportsSection({ playerId }: { playerId: string }) {
  const imports = await listImports(playerId);
  return (
    <Panel title="Imports">
      <p className="text-sm text-mist">
        Bring your history from Loop Habit Tracker or Habitica, or restore an export of the System.
      </p>
      <Link
        href="/settings/import"
        className="mt-2 flex min-h-11 w-fit items-center text-system underline underline-offset-4"
      >
        Import history
      </Link>
      {imports.length > 0 && (
        <ul className="mt-3 flex flex-col gap-2" aria-label="Your imports">
          {imports.map((row) => (
            <li
              key={row.id}
              className="flex flex-wrap items-center justify-between gap-2 border border-system/20 px-3 py-2 text-sm"
            >
              <span className="text-slate-100">
                {SOURCES[row.source]} · {row.createdAt.slice(0, 10)}
                <span className="block text-xs text-slate-400">
                  {row.fileName && `${row.fileName} · `}
                  {row.quests} quests, {number.format(row.checkIns)} check-ins ·{" "}
                  {row.status === "COMMITTED" ? "imported" : row.status === "OPEN" ? "unfinished" : "rolled back"}
                </span>
              </span>
              {row.status !== "ROLLED_BACK" && <RollBackButton id={row.id} />}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
