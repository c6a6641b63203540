// The System speaks through OpenAI's Responses API: the real SDK against the stand-in (tests/support), scripted
// per test. What must hold: every failure ends in a correct reply, nothing personal leaves the server, store:false,
// a cached or unchanged result costs no request, a spent budget costs none, and the tick prepares reports for
// opted-in Hunters a few at a time.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { draftQuest } from "@/lib/insights/drafts";
import { prepareWeeklyReports, REPORT_CONCURRENCY } from "@/lib/insights/cron";
import { getSuggestions } from "@/lib/insights/queries";
import { getReport, prepareReport } from "@/lib/insights/service";
import { BUDGET_SPENT_NOTICE } from "@/lib/insights/voice";
import { addDays, dayKey, weekStart } from "@/lib/time/rules";
import { makeHunterWithHistory } from "@/tests/support/insights";
import {
  describeDraftFallbacks,
  NOW,
  optedInHunter,
  SENTENCE,
  startStandInForFile,
} from "@/tests/support/insights-model";
import { MODEL_DRAFT } from "@/tests/support/openai-answers";

const standIn = startStandInForFile("responses", 5);

describeDraftFallbacks(standIn);

/** Two weeks of a Hunter's log: W08 and W09 of 2040; NOW_REPORT falls on the Monday after. */
const FIRST_DAY = "2040-02-20";
const REPORT_NOW = new Date("2040-03-05T09:00:00Z");
const SECRET_NOTE = "my secret diary: the vault code is hidden under the mat";

function historyHunter() {
  return makeHunterWithHistory({
    firstDay: FIRST_DAY,
    days: 14,
    quests: [
      { title: "Read 20 pages", overrides: { stats: ["INT"], target: { value: 20, unit: "pages" } } },
      { title: "Meditate", notes: SECRET_NOTE, overrides: { stats: ["PER"] } },
    ],
    skip: (day, index) => index === 1 && day >= "2040-03-01",
    aiOptIn: true,
  });
}

const WORDS = {
  headline: "[SYSTEM] The week is judged.",
  paragraphs: ["You read without fail. Your meditation faltered at the end of the week.", "Train your weakest stat."],
  recommendations: [{ ref: "r1", text: "Take the easier path, Hunter: it still leads up." }],
  renames: [{ title: "Meditate", flavour: "Still the Mana Core" }],
};

describe("what leaves the server", () => {
  it("sends only aggregates and quest titles: no email, hunter name, notes or ids; store:false; a hashed identifier", async () => {
    const hunter = await historyHunter();
    standIn.current.script([{ json: WORDS }, { json: MODEL_DRAFT }]);
    expect(await prepareReport(hunter.playerId, REPORT_NOW)).toBe("openai");
    await draftQuest(hunter.playerId, SENTENCE, REPORT_NOW);
    const { requests } = standIn.current;
    expect(requests).toHaveLength(2);
    const secrets = [hunter.email, hunter.hunterName, SECRET_NOTE, "secret diary", hunter.playerId, hunter.userId];
    for (const request of requests) {
      expect(request.path).toBe("/v1/responses");
      for (const secret of [...secrets, ...hunter.questIds]) expect(request.raw).not.toContain(secret);
      expect(request.body).toMatchObject({ store: false, model: "stand-in-model" });
      expect(request.body!.safety_identifier).toMatch(/^[0-9a-f]{64}$/);
      expect(request.headers.authorization).toBe("Bearer sk-stand-in-key");
    }
    const facts = JSON.parse(requests[0]!.body!.input as string).facts;
    expect(facts.week).toBe("2040-W09");
    expect(facts.quests.map((q: { title: string }) => q.title)).toEqual(["Read 20 pages", "Meditate"]);
    expect(requests[0]!.body!.text).toMatchObject({
      format: { type: "json_schema", name: "system_report", strict: true },
    });
  });
});

describe("weekly reports", () => {
  it("stores the model's words, serves them while the facts hold, and asks nothing again for unchanged facts", async () => {
    const hunter = await historyHunter();
    standIn.current.script([{ json: WORDS }]);
    expect(await prepareReport(hunter.playerId, REPORT_NOW)).toBe("openai");

    standIn.current.script([]);
    expect(await prepareReport(hunter.playerId, REPORT_NOW)).toBe("unchanged");
    const report = await getReport(hunter.playerId, REPORT_NOW);
    expect(standIn.current.requests).toHaveLength(0);
    expect(report).toMatchObject({ week: "2040-W09", source: "openai", headline: WORDS.headline });
    expect(report.text).toBe(WORDS.paragraphs.join("\n\n"));
    const suggestions = await getSuggestions(hunter.playerId, REPORT_NOW);
    expect(suggestions.source).toBe("openai");
    expect(suggestions.suggestions).toContainEqual(
      expect.objectContaining({ kind: "RENAME", title: "Meditate", change: { title: "Still the Mana Core" } }),
    );
    const row = await db.systemReport.findUniqueOrThrow({
      where: { playerId_week: { playerId: hunter.playerId, week: "2040-W09" } },
    });
    expect(row.source).toBe("openai");
  });

  it("falls back to the built-in voice when the model states a number that is not in the facts", async () => {
    const hunter = await historyHunter();
    standIn.current.script([{ json: { ...WORDS, paragraphs: ["You completed 9999 quests this week."] } }]);
    expect(await prepareReport(hunter.playerId, REPORT_NOW)).toBe("builtin");
    const report = await getReport(hunter.playerId, REPORT_NOW);
    expect(report.source).toBe("builtin");
    expect(report.text).not.toContain("9999");
    expect(report.text).toContain(`You completed ${report.facts.totals.completions} quests`);
  });

  it("falls back to the built-in voice when the model refuses or is cut off", async () => {
    for (const step of [{ refusal: "No." }, { cutOff: true }]) {
      const hunter = await historyHunter();
      standIn.current.script([step]);
      expect(await prepareReport(hunter.playerId, REPORT_NOW)).toBe("builtin");
      expect((await getReport(hunter.playerId, REPORT_NOW)).source).toBe("builtin");
    }
  });
});

describe("cache and budget", () => {
  it("reads the same sentence from the cache the same day: no second request", async () => {
    const hunter = await optedInHunter();
    standIn.current.script([{ json: MODEL_DRAFT }]);
    const first = await draftQuest(hunter.playerId, SENTENCE, NOW);
    const second = await draftQuest(hunter.playerId, SENTENCE, NOW);
    expect(second).toEqual(first);
    expect(second.source).toBe("openai");
    expect(standIn.current.requests).toHaveLength(1);
  });

  it("answers in the built-in voice with a System message once the day's budget is spent, making no request", async () => {
    const hunter = await optedInHunter();
    const sentences = ["meditate daily", "stretch daily", "journal daily", "floss daily", "walk daily"];
    const plain = { ...MODEL_DRAFT, title: "Practice", target: null };
    standIn.current.script(sentences.map(() => ({ json: plain })));
    for (const sentence of sentences) expect((await draftQuest(hunter.playerId, sentence, NOW)).source).toBe("openai");
    expect(standIn.current.requests).toHaveLength(5);

    standIn.current.script([{ json: plain }]);
    const spent = await draftQuest(hunter.playerId, "tidy up daily", NOW);
    expect(spent).toMatchObject({ source: "builtin", notice: BUDGET_SPENT_NOTICE, complete: true });
    expect(standIn.current.requests).toHaveLength(0);

    // A new System day, a new budget.
    expect((await draftQuest(hunter.playerId, "tidy up daily", new Date("2040-03-08T09:00:00Z"))).source).toBe(
      "openai",
    );
  });
});

describe("the tick's weekly reports", () => {
  it("prepares the last week's report for each opted-in Hunter who is due, a few at a time, then leaves them be", async () => {
    const today = dayKey(new Date(), "UTC", 0);
    const firstDay = addDays(weekStart(today), -7);
    const hunters = [];
    for (let i = 0; i < 6; i++) {
      hunters.push(
        await makeHunterWithHistory({
          firstDay,
          days: 3,
          quests: [{ title: "Read 20 pages", overrides: { stats: ["INT"] } }],
          aiOptIn: true,
          dueForReport: true,
        }),
      );
    }
    standIn.current.script(hunters.map(() => ({ delayMs: 150, json: WORDS })));
    const run = await prepareWeeklyReports({ budgetMs: 30_000 });
    expect(run).toMatchObject({ openai: 6, failed: 0, more: false });
    expect(standIn.current.maxInFlight()).toBeLessThanOrEqual(REPORT_CONCURRENCY);
    expect(standIn.current.maxInFlight()).toBeGreaterThan(1);
    const rows = await db.systemReport.findMany({ where: { playerId: { in: hunters.map((h) => h.playerId) } } });
    expect(rows.map((r) => r.week)).toEqual(Array(6).fill(rows[0]!.week));
    const players = await db.player.findMany({ where: { id: { in: hunters.map((h) => h.playerId) } } });
    for (const player of players) expect(player.nextReportAt!.getTime()).toBeGreaterThan(Date.now());

    standIn.current.script([]);
    expect(await prepareWeeklyReports({ budgetMs: 30_000 })).toMatchObject({ openai: 0, builtin: 0, failed: 0 });
    expect(standIn.current.requests).toHaveLength(0);
  }, 90_000);
});
