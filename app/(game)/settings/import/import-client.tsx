"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SystemStatus, type SystemMessage } from "@/components/ui/system-status";
import { ImportFileError } from "@/lib/imports/files";
import { parseImportFile } from "@/lib/imports/parse";
import { chunkPlan, daySpan, planSummary } from "@/lib/imports/rules";
import type { ImportPlan } from "@/lib/imports/schemas";
import { STATS, type Stat } from "@/lib/progression/rules";

type Step = { plan: ImportPlan; key: string; fileName: string };

const number = new Intl.NumberFormat("en");

/** sql.js with its WebAssembly inlined: fetched only when a .db is chosen. */
async function loadSql() {
  const { default: init } = await import("sql.js/dist/sql-wasm-inline.js");
  return init();
}

async function fileKey(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `file-${[...digest]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, 48)}`;
}

async function send(path: string, method: string, body?: unknown): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      // The connection dropped: the same chunk sent again adds nothing, so try again.
      if (attempt < 3) continue;
      throw error;
    }
    const json = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
    if (response.status === 429 && attempt < 10) {
      await new Promise((r) => setTimeout(r, 1000 * Number(response.headers.get("retry-after") ?? 5)));
      continue;
    }
    if (!response.ok) throw new Error(json?.error?.message ?? `The System answered ${response.status}`);
    return json;
  }
}

function describeQuest(quest: ImportPlan["quests"][number]["quest"]): string {
  if (quest.kind === "HABIT") return quest.positive === false ? "bad habit" : "habit";
  if (quest.kind === "ONE_TIME") return "to-do";
  const s = quest.schedule;
  const when =
    !s || s.type === "EVERY_DAY"
      ? "every day"
      : s.type === "TIMES_PER_WEEK"
        ? `${s.n}× a week`
        : s.type === "EVERY_N_DAYS"
          ? `every ${s.n} days`
          : `${s.days.length} weekdays`;
  const target = quest.target
    ? `, ${quest.target.direction === "AT_MOST" ? "≤" : "≥"} ${quest.target.value} ${quest.target.unit}`
    : "";
  return `daily, ${when}${target}`;
}

export function ImportFlow() {
  const [stat, setStat] = useState<Stat>("VIT");
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [message, setMessage] = useState<SystemMessage>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [finished, setFinished] = useState(false);
  const [pending, startTransition] = useTransition();

  function read(chosen: File | null, loopStat: Stat) {
    setStep(null);
    setFinished(false);
    setMessage(null);
    if (!chosen) return;
    startTransition(async () => {
      try {
        const bytes = new Uint8Array(await chosen.arrayBuffer());
        const plan = await parseImportFile(bytes, { loopStat, loadSql });
        setStep({ plan, key: await fileKey(bytes), fileName: chosen.name });
      } catch (error) {
        const text = error instanceof ImportFileError ? error.message : "The file could not be read.";
        setMessage({ text: `[SYSTEM] ${text}`, error: true });
      }
    });
  }

  function confirm() {
    if (!step) return;
    const { plan, key, fileName } = step;
    startTransition(async () => {
      try {
        const started = (await send("/api/v1/imports", "POST", {
          id: key,
          source: plan.source,
          fileName: fileName.slice(0, 200),
          report: plan.report,
        })) as { status: string; committedAt: string | null };
        if (started.status === "COMMITTED") {
          setMessage({ text: "[SYSTEM] This file was imported already: nothing was added.", error: false });
          setFinished(true);
          return;
        }
        const chunks = chunkPlan(plan);
        setProgress({ done: 0, total: chunks.length });
        for (const [i, chunk] of chunks.entries()) {
          await send(`/api/v1/imports/${key}/chunks`, "POST", chunk);
          setProgress({ done: i + 1, total: chunks.length });
        }
        await send(`/api/v1/imports/${key}/commit`, "POST");
        setMessage({
          text: `[SYSTEM] History restored: ${plan.quests.length} quests, ${number.format(plan.checkIns.length)} check-ins. No XP was awarded for them.`,
          error: false,
        });
        setFinished(true);
      } catch (error) {
        setMessage({
          text: `[SYSTEM] The import stopped: ${(error as Error).message}. Try again (nothing is counted twice), or roll it back in Settings.`,
          error: true,
        });
      }
    });
  }

  const summary = step ? planSummary(step.plan) : null;
  return (
    <div className="flex flex-col gap-5" aria-busy={pending}>
      <Field
        label="Export file"
        name="importFile"
        type="file"
        accept=".zip,.db,.json,application/zip,application/json"
        hint="Loop Habit Tracker: the CSV export (.zip) or a backup (.db). Habitica: Settings → Export data → user data (.json). Or an export of the System (.json). The file is read here, in your browser."
        onChange={(e) => {
          const chosen = e.target.files?.[0] ?? null;
          setFile(chosen);
          read(chosen, stat);
        }}
        className="min-h-11 text-sm text-slate-200 file:mr-3 file:min-h-11 file:border file:border-system file:bg-system/10 file:px-4 file:text-system"
      />
      <SelectField
        label="Stat for Loop habits"
        name="loopStat"
        value={stat}
        hint="Loop habits have no stat; Habitica's attributes carry over."
        onChange={(e) => {
          const next = e.target.value as Stat;
          setStat(next);
          read(file, next);
        }}
      >
        {STATS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      {step && summary && (
        <section aria-labelledby="preview-title" className="flex flex-col gap-3">
          <h2 id="preview-title" className="font-display text-sm font-bold tracking-widest text-slate-300 uppercase">
            Preview: {step.plan.format}
          </h2>
          <p className="text-sm text-slate-100" data-testid="import-totals">
            {step.plan.quests.length} quests to create, {number.format(step.plan.checkIns.length)} check-ins,{" "}
            {number.format(step.plan.skips.length)} skipped days. Imported check-ins award no XP, and missing an
            imported daily today costs nothing: they are judged from tomorrow.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Quests to create and their history</caption>
              <thead className="text-xs text-slate-400">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-normal">
                    Quest
                  </th>
                  <th scope="col" className="py-1 pr-2 font-normal">
                    Check-ins
                  </th>
                  <th scope="col" className="py-1 font-normal">
                    Days
                  </th>
                </tr>
              </thead>
              <tbody>
                {step.plan.quests.map((q) => {
                  const s = summary.get(q.ref)!;
                  return (
                    <tr key={q.ref} className="border-t border-system/20 align-top">
                      <th scope="row" className="py-1 pr-2 font-normal text-slate-100">
                        {q.quest.title}
                        <span className="block text-xs text-slate-400">
                          {describeQuest(q.quest)}
                          {q.archived && " · archived"}
                          {step.plan.notes[q.ref] && ` · ${step.plan.notes[q.ref]}`}
                        </span>
                      </th>
                      <td className="py-1 pr-2 text-slate-100">
                        {number.format(s.checkIns)}
                        {s.skips > 0 && <span className="block text-xs text-slate-400">{s.skips} skipped</span>}
                      </td>
                      <td className="py-1 text-xs text-slate-300">
                        {s.first ? `${s.first} → ${s.last} (${daySpan(s.first, s.last)} days)` : "no history"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {step.plan.report.skipped.length > 0 && (
            <div>
              <h4 className="text-sm font-bold text-slate-300">Not imported, and why</h4>
              <ul className="list-inside list-disc text-sm text-mist" data-testid="import-skipped">
                {step.plan.report.skipped.map((s) => (
                  <li key={s.what}>
                    {number.format(s.count)} {s.what}: {s.why}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {!finished && (
            <Button type="button" onClick={confirm} disabled={pending || step.plan.quests.length === 0}>
              Import {step.plan.quests.length} quests
            </Button>
          )}
        </section>
      )}
      {progress && !finished && (
        <progress
          value={progress.done}
          max={progress.total}
          aria-label="Import progress"
          className="h-2 w-full accent-system"
        />
      )}
      <SystemStatus message={message} />
      {finished && (
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/stats" className="inline-flex min-h-11 items-center text-system underline underline-offset-4">
            See your statistics
          </Link>
          <Link href="/settings" className="inline-flex min-h-11 items-center text-system underline underline-offset-4">
            Your imports
          </Link>
        </p>
      )}
    </div>
  );
}
