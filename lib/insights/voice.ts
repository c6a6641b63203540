/**
 * The System's built-in voice: plain words for every insight, used whenever the model is not (no key, no opt-in,
 * budget spent, or its answer failed a check). Every number it states is taken from the facts it is given. Pure.
 */
import type { DailyRisk, RiskReason } from "@/lib/insights/risk";
import type { WeekFacts } from "@/lib/insights/rules";
import { WEEKDAY_NAMES } from "@/lib/insights/rules";
import type { EasierChange, Suggestion } from "@/lib/insights/suggestions";
import type { Schedule } from "@/lib/quests/schemas";

export const BUDGET_SPENT_NOTICE =
  "[SYSTEM] The System's voice has spoken enough for today. Its plain voice answers until tomorrow.";

/** Flavour names in the world of Hunters, matched on a word of the quest's title ("Do laundry"). */
const FLAVOUR: ReadonlyArray<readonly [RegExp, string]> = [
  [/\blaundry\b/i, "Purify the Shadow Armour"],
  [/\b(dishes|wash(ing)? up)\b/i, "Cleanse the Relics"],
  [/\b(clean|cleaning|tidy|declutter|vacuum)\b/i, "Clear the Dungeon"],
  [/\b(run|running|jog|jogging)\b/i, "Outrun the Shadows"],
  [/\b(walk|walking|steps)\b/i, "Patrol the Borderlands"],
  [/\b(gym|lift|lifting|weights|workout|push-?ups?|squats?)\b/i, "Forge the Hunter's Body"],
  [/\b(read|reading|book|books)\b/i, "Study the Ancient Tomes"],
  [/\b(study|studying|learn|learning|course|homework)\b/i, "Decipher the Gate Runes"],
  [/\b(meditate|meditation|breathe|breathing)\b/i, "Still the Mana Core"],
  [/\b(water|hydrate)\b/i, "Drink from the Mana Spring"],
  [/\b(sleep|bed|bedtime)\b/i, "Rest in the Safe Zone"],
  [/\b(stretch|stretching|yoga)\b/i, "Bend Like a Shadow Blade"],
  [/\b(journal|journaling|diary)\b/i, "Write the Hunter's Log"],
  [/\b(cook|cooking)\b/i, "Brew the Healing Potions"],
  [/\b(code|coding|program|programming)\b/i, "Inscribe the System's Runes"],
  [/\b(plan|planning)\b/i, "Chart the Next Raid"],
  [/\b(doom-?scroll\w*|social media|phone)\b/i, "Resist the Mind Parasite"],
  [/\b(taxe?s?|tax return|bills?|budget)\b/i, "Settle the Guild Ledger"],
  [/\b(floss|flossing|brush)\b/i, "Polish the Fangs"],
  [/\b(guitar|piano|practice|music)\b/i, "Attune the Bard's Instrument"],
];

/** A flavour rename for a quest title, or null when the System has none for it. */
export function flavourFor(title: string): string | null {
  return FLAVOUR.find(([pattern]) => pattern.test(title))?.[1] ?? null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const number = (n: number) => n.toLocaleString("en");

export function reasonText(reason: RiskReason): string {
  switch (reason.code) {
    case "WEEKDAY_MISSES": {
      const day = WEEKDAY_NAMES[reason.weekday - 1];
      return reason.of === 1 ? `missed last ${day}` : `missed ${reason.missed} of the last ${reason.of} ${day}s`;
    }
    case "WEEKS_MISSED":
      return `weekly quota missed ${reason.missed} of the last ${plural(reason.of, "week")}`;
    case "OFTEN_MISSED":
      return `done on ${reason.done} of ${reason.due} due days lately`;
    case "USUAL_TIME_PASSED":
      return `usually done by ${reason.by}`;
    case "NO_RECENT_CHECK_IN":
      return `no check-in for ${plural(reason.days, "day")}`;
    case "FALLING":
      return `done less often lately (${reason.recent}% of due days, ${reason.earlier}% before)`;
    case "WEAK":
      return `strength only ${reason.strength}%`;
    case "NEW":
      return "new: no history yet";
  }
}

/** The dashboard's marker: "likely to slip: usually done by 08:00". */
export function slipMarker(risk: DailyRisk): string {
  const first = risk.reasons[0];
  return first ? `likely to slip: ${reasonText(first)}` : "likely to slip";
}

export function scheduleText(schedule: Schedule): string {
  switch (schedule.type) {
    case "EVERY_DAY":
      return "every day";
    case "WEEKDAYS":
      return `on ${schedule.days.map((d) => WEEKDAY_NAMES[d - 1]).join(", ")}`;
    case "EVERY_N_DAYS":
      return `every ${schedule.n} days`;
    case "TIMES_PER_WEEK":
      return schedule.n === 1 ? "once a week" : `${schedule.n} times a week`;
  }
}

function changeText(change: EasierChange): string {
  if (change.target) return `Lower its target to ${number(change.target.value)} ${change.target.unit}.`;
  if (change.schedule) return `Make it ${scheduleText(change.schedule)}.`;
  return `Move its reminder to ${change.reminderTime}.`;
}

/** One suggestion in the System's plain words. */
export function suggestionText(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case "NEW_QUEST":
      return `Your weakest stat is ${suggestion.stat} (${suggestion.statValue}). Take up "${suggestion.draft.title}" every day.`;
    case "EASIER":
      return `"${suggestion.title}" was done on ${suggestion.done} of ${suggestion.due} due days. ${changeText(suggestion.change)}`;
    case "RENAME":
      return `Give "${suggestion.title}" a Hunter's name: "${suggestion.change.title}".`;
  }
}

/** The weekly System Report in plain words: a headline and short paragraphs, every figure from the facts. */
export function builtinReport(facts: WeekFacts): { headline: string; paragraphs: string[] } {
  const weekNumber = facts.week.slice(-2).replace(/^0/, "");
  const { totals } = facts;
  const headline = facts.complete
    ? `[SYSTEM] Week ${weekNumber} report: ${plural(totals.completions, "quest")} completed.`
    : `[SYSTEM] Week ${weekNumber} so far: ${plural(totals.completions, "quest")} completed.`;
  const paragraphs: string[] = [];

  const moved =
    totals.xp >= 0 && totals.gold >= 0
      ? `gained ${number(totals.xp)} XP and ${number(totals.gold)} gold`
      : `${totals.xp >= 0 ? "gained" : "lost"} ${number(Math.abs(totals.xp))} XP and ${totals.gold >= 0 ? "gained" : "lost"} ${number(Math.abs(totals.gold))} gold`;
  paragraphs.push(
    totals.completions === 0 && totals.xp === 0
      ? "The System recorded no completed quest this week."
      : `You completed ${plural(totals.completions, "quest")} and ${moved}.` +
          (totals.slips > 0 ? ` You slipped ${plural(totals.slips, "time")} on habits you are breaking.` : ""),
  );

  if (facts.bestDay) {
    const best = `Your best day was ${facts.bestDay.weekday}: ${facts.bestDay.done} of ${facts.bestDay.due} dailies done.`;
    const worst = facts.worstDay
      ? ` Your weakest was ${facts.worstDay.weekday}: ${facts.worstDay.done} of ${facts.worstDay.due}.`
      : "";
    paragraphs.push(best + worst);
  }

  const moving = facts.quests.filter((q) => q.strength !== null && q.strengthChange !== null && q.strengthChange !== 0);
  const rising = [...moving].sort((a, b) => b.strengthChange! - a.strengthChange!).filter((q) => q.strengthChange! > 0);
  const falling = [...moving]
    .sort((a, b) => a.strengthChange! - b.strengthChange!)
    .filter((q) => q.strengthChange! < 0);
  const strength = [
    ...rising.slice(0, 2).map((q) => `"${q.title}" grew stronger: ${q.strength}% (up ${q.strengthChange}).`),
    ...falling.slice(0, 2).map((q) => `"${q.title}" weakened: ${q.strength}% (down ${-q.strengthChange!}).`),
  ];
  if (strength.length > 0) paragraphs.push(strength.join(" "));

  const streak: string[] = [];
  if (facts.streak.atEnd !== null) streak.push(`Your streak stood at ${plural(facts.streak.atEnd, "day")}.`);
  if (facts.streak.shielded > 0) streak.push(`${plural(facts.streak.shielded, "shield")} absorbed a failed day.`);
  if (facts.penaltyZone.visits > 0) {
    const { visits, cleared, failed } = facts.penaltyZone;
    const outcomes = [cleared > 0 && `survived ${cleared}`, failed > 0 && `failed ${failed}`].filter(Boolean);
    streak.push(
      `The Penalty Zone opened ${plural(visits, "time")}${outcomes.length ? `: you ${outcomes.join(" and ")}` : ""}.`,
    );
  }
  if (streak.length > 0) paragraphs.push(streak.join(" "));

  paragraphs.push(
    `Your weakest stat is ${facts.weakestStat.stat} at ${facts.weakestStat.value}.` +
      (facts.complete ? " Train it, Hunter." : " This week is still under way."),
  );
  return { headline, paragraphs };
}
