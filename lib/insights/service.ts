import "server-only";
import { createHash } from "node:crypto";
import { unlockAchievements } from "@/lib/achievements/service";
import { db, TX_OPTIONS } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logFallback, spendBudget, type Source } from "@/lib/insights/budget";
import { numbersOf, strayNumbers } from "@/lib/insights/numbers";
import { askModel, modelConfigured } from "@/lib/insights/openai";
import { PROMPT_VERSION, REPORT_INSTRUCTIONS } from "@/lib/insights/prompts";
import { loadReportLog, recommendationsOf, type RecentLog } from "@/lib/insights/queries";
import type { Recommendation } from "@/lib/insights/suggestions";
import { weekFacts, type WeekFacts } from "@/lib/insights/rules";
import { reportWordsSchema, type ReportWords } from "@/lib/insights/schemas";
import { builtinReport } from "@/lib/insights/voice";
import { lockPlayer } from "@/lib/ledger/service";
import { afterPlayerWrite } from "@/lib/player/cache";
import { addDays, dayKey, dayStartInstant, isoWeekMonday, isoWeekOf, weekStart, type DayKey } from "@/lib/time/rules";

// ---------------------------------------------------------------------------------------------------------------
// The weekly System Report.

export function factsHash(facts: WeekFacts): string {
  return createHash("sha256").update(JSON.stringify(facts)).digest("hex");
}

export type ReportView = {
  week: string;
  facts: WeekFacts;
  headline: string;
  text: string;
  recommendations: Recommendation[];
  source: Source;
  /** The weeks a report can be read for, newest first (this week, then back to the Hunter's first). */
  weeks: string[];
};

const MAX_LISTED_WEEKS = 12;

function resolveWeek(log: RecentLog, requested: string | undefined) {
  const firstWeek = weekStart(dayKey(log.player.createdAt, log.player.timeZone, log.player.dayStartMinute));
  const thisWeek = weekStart(log.today);
  const weeks: string[] = [];
  for (let monday = thisWeek; monday >= firstWeek && weeks.length < MAX_LISTED_WEEKS; monday = addDays(monday, -7)) {
    weeks.push(isoWeekOf(monday));
  }
  // By default the last completed week; a Hunter in their first week reads this one.
  const lastComplete = addDays(thisWeek, -7);
  const week = requested ?? isoWeekOf(lastComplete >= firstWeek ? lastComplete : thisWeek);
  const monday = isoWeekMonday(week)!;
  if (monday > thisWeek) throw new AppError("NOT_FOUND", "That week has not begun");
  if (monday < firstWeek) throw new AppError("NOT_FOUND", "That week is before your first day");
  return { week, monday, weeks };
}

type ReportLog = Awaited<ReturnType<typeof loadReportLog>>;

function computeWeek(data: ReportLog, week: string, monday: DayKey) {
  const facts = weekFacts(data.weekInput(week, monday));
  return { facts, hash: factsHash(facts), stored: data.storedReport(week) };
}

/** A recommendation's words from a stored report, while the recommendation itself is unchanged. */
function withStoredText(live: Recommendation[], stored: unknown): Recommendation[] {
  const byId = new Map((stored as Recommendation[]).map((r) => [r.id, r]));
  const same = (a: Recommendation, b: Recommendation) =>
    JSON.stringify({ ...a, text: "" }) === JSON.stringify({ ...b, text: "" });
  return live.map((r) => {
    const kept = byId.get(r.id);
    return kept && same(kept, r) ? { ...r, text: kept.text } : r;
  });
}

/**
 * GET /api/v1/insights/report and the report screen. Never asks the model: a report the tick prepared is served
 * while its week's facts are unchanged, otherwise the built-in voice writes it now. Reading one unlocks
 * "Know Thyself".
 */
export async function getReport(playerId: string, now: Date, requested?: string): Promise<ReportView> {
  const data = await loadReportLog(playerId, now, requested ? (isoWeekMonday(requested) ?? undefined) : undefined);
  const { log } = data;
  const { week, monday, weeks } = resolveWeek(log, requested);
  const { facts, hash, stored } = computeWeek(data, week, monday);
  const recommendations = recommendationsOf(log);
  const view: ReportView =
    stored && stored.factsHash === hash && stored.promptVersion === PROMPT_VERSION
      ? {
          week,
          facts,
          headline: stored.headline,
          text: stored.text,
          recommendations: withStoredText(recommendations, stored.recommendations),
          source: stored.source as Source,
          weeks,
        }
      : { week, facts, ...builtinText(facts), recommendations, source: "builtin", weeks };
  if (!data.reportRead) {
    await db.$transaction(async (tx) => {
      const player = await lockPlayer(tx, playerId);
      await unlockAchievements(tx, player, { dayKey: log.today, specials: ["WEEKLY_REPORT_READ"] });
    }, TX_OPTIONS);
    await afterPlayerWrite(playerId, now);
  }
  return view;
}

function builtinText(facts: WeekFacts) {
  const { headline, paragraphs } = builtinReport(facts);
  return { headline, text: paragraphs.join("\n\n") };
}

/** What leaves the server for a report: the week's aggregates and quest titles, the recommendations' words. */
function reportPayload(facts: WeekFacts, recommendations: Recommendation[]) {
  return {
    facts,
    recommendations: recommendations.map((r, i) => ({ ref: `r${i + 1}`, kind: r.kind, text: r.text })),
  };
}

/** The model's words, if every number in them is one the payload holds; otherwise null. */
function checkWords(words: ReportWords, payload: ReturnType<typeof reportPayload>) {
  const allowed = numbersOf(payload);
  const texts = [
    words.headline,
    ...words.paragraphs,
    ...words.recommendations.map((r) => r.text),
    ...words.renames.map((r) => r.flavour),
  ];
  if (texts.some((text) => strayNumbers(text, allowed).length > 0)) return null;
  const titles = new Set(payload.facts.quests.map((q) => q.title));
  return {
    headline: words.headline.trim(),
    text: words.paragraphs.map((p) => p.trim()).join("\n\n"),
    sentences: new Map(words.recommendations.map((r) => [r.ref, r.text.trim()])),
    renames: words.renames
      .filter((r) => titles.has(r.title) && r.flavour.trim() && r.flavour.trim() !== r.title)
      .map((r) => ({ title: r.title, flavour: r.flavour.trim() })),
  };
}

export type PreparedReport = "openai" | "builtin" | "unchanged" | "none";

/**
 * The tick's job for one opted-in Hunter: write the last completed week's report (the model's words when it is
 * configured, allowed and its answer passes every check; the built-in voice's otherwise) and store it. A report
 * already stored for the same facts and prompt is left as it is: no request.
 */
export async function prepareReport(playerId: string, now: Date): Promise<PreparedReport> {
  const data = await loadReportLog(playerId, now);
  const { log } = data;
  const thisWeek = weekStart(log.today);
  const nextReportAt = dayStartInstant(addDays(thisWeek, 7), log.player.timeZone, log.player.dayStartMinute);
  const firstWeek = weekStart(dayKey(log.player.createdAt, log.player.timeZone, log.player.dayStartMinute));
  const monday = addDays(thisWeek, -7);
  let result: PreparedReport = "none";
  if (log.player.aiOptIn && monday >= firstWeek) {
    const week = isoWeekOf(monday);
    const { facts, hash, stored } = computeWeek(data, week, monday);
    if (stored && stored.factsHash === hash && stored.promptVersion === PROMPT_VERSION) {
      result = "unchanged";
    } else {
      const written = await writeReport(playerId, log.today, facts, recommendationsOf(log));
      const row = {
        factsHash: hash,
        promptVersion: PROMPT_VERSION,
        source: written.source,
        facts,
        headline: written.headline,
        text: written.text,
        recommendations: written.recommendations,
        renames: written.renames,
      };
      await db.systemReport.upsert({
        where: { playerId_week: { playerId, week } },
        create: { playerId, week, ...row },
        update: { ...row, createdAt: new Date() },
      });
      result = written.source;
    }
  }
  await db.player.update({ where: { id: playerId }, data: { nextReportAt } });
  return result;
}

async function writeReport(playerId: string, today: DayKey, facts: WeekFacts, recommendations: Recommendation[]) {
  const builtin = { ...builtinText(facts), recommendations, renames: [] as { title: string; flavour: string }[] };
  if (!modelConfigured()) return { ...builtin, source: "builtin" as const };
  const budget = await spendBudget(playerId, today);
  if (budget !== "ok") {
    logFallback("weekly report", budget === "spent" ? "budget spent" : "budget unknown");
    return { ...builtin, source: "builtin" as const };
  }
  const payload = reportPayload(facts, recommendations);
  const answer = await askModel({
    schema: reportWordsSchema,
    name: "system_report",
    instructions: REPORT_INSTRUCTIONS,
    input: JSON.stringify(payload),
    playerId,
    maxOutputTokens: 1_500,
  });
  const checked = answer.ok ? checkWords(answer.value, payload) : null;
  if (!checked) {
    logFallback("weekly report", answer.ok ? "a number not in the facts" : answer.reason);
    return { ...builtin, source: "builtin" as const };
  }
  return {
    headline: checked.headline,
    text: checked.text,
    recommendations: recommendations.map((r, i) => ({ ...r, text: checked.sentences.get(`r${i + 1}`) ?? r.text })),
    renames: checked.renames,
    source: "openai" as const,
  };
}
