/**
 * Quest from a sentence, the built-in way (docs/rules.md "The System speaks"): "read 20 pages every day" becomes a
 * createQuestSchema input the Hunter confirms. It reads schedules, times, targets, due days and bad habits; what it
 * cannot read it leaves blank rather than inventing. Pure: `today` comes in as an argument.
 */
import { CARDINALS, MULTIPLES, numbersIn } from "@/lib/insights/numbers";
import { MAX_SENTENCE_LENGTH, WEEKDAY_WORDS, type ModelDraft } from "@/lib/insights/schemas";
import { createQuestSchema, type Schedule } from "@/lib/quests/schemas";
import type { Stat } from "@/lib/progression/rules";
import { addDays, formatLocalTime, isValidDayKey, weekday, type DayKey } from "@/lib/time/rules";

export type QuestDraft = {
  kind?: "DAILY" | "HABIT" | "ONE_TIME";
  title?: string;
  difficulty?: "EASY" | "NORMAL" | "HARD";
  stats?: Stat[];
  schedule?: Schedule;
  timesPerDay?: number;
  target?: { value: number; unit: string; direction: "AT_LEAST" | "AT_MOST" };
  reminderTime?: string;
  positive?: boolean;
  dueDay?: DayKey;
};

const ORDINALS: Record<string, number> = { other: 2, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };

// Longest words first, so "seventeen" is not read as "seven" and a unit "teen".
const WORDS = Object.keys(CARDINALS).sort((a, b) => b.length - a.length);
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:k(?![a-z]))?|${WORDS.join("|")}`;
const COUNT = `${NUM}|${Object.keys(MULTIPLES).join("|")}`;

/** "10,000" → 10000, "10k" → 10000, "twenty" → 20, "twice" → 2; NaN when it is not a number. */
function toNumber(token: string): number {
  const word = token.toLowerCase();
  if (word in CARDINALS) return CARDINALS[word]!;
  if (word in MULTIPLES) return MULTIPLES[word]!;
  if (word in ORDINALS) return ORDINALS[word]!;
  const thousands = word.endsWith("k");
  const value = Number(
    word
      .replace(/k$/, "")
      .replaceAll(",", "")
      .replace(/(st|nd|rd|th)$/, ""),
  );
  return thousands ? value * 1_000 : value;
}

/**
 * Every number a sentence states or plainly implies ("twice" 2, "every other day" 2, "7pm" 7 and 19, "tomorrow" 1):
 * what a model's reading of it may contain.
 */
export function sentenceNumbers(text: string): Set<number> {
  const numbers = new Set<number>([0, 1]);
  const lower = text.toLowerCase();
  for (const [token] of lower.matchAll(
    new RegExp(`\\b(?:${COUNT}|${Object.keys(ORDINALS).join("|")}|\\d+(?:st|nd|rd|th))\\b`, "g"),
  )) {
    const value = toNumber(token);
    if (Number.isFinite(value)) numbers.add(value);
  }
  for (const [, hour, minute, meridiem] of lower.matchAll(/\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)/g)) {
    numbers.add(Number(hour)).add(Number(minute ?? 0));
    if (meridiem!.startsWith("p")) numbers.add(Number(hour) + 12);
  }
  if (/\bnoon\b/.test(lower)) numbers.add(12);
  return numbers;
}

const DAY_NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, "monday|mon"],
  [2, "tuesday|tues|tue"],
  [3, "wednesday|wed"],
  [4, "thursday|thurs|thur|thu"],
  [5, "friday|fri"],
  [6, "saturday|sat"],
  [7, "sunday|sun"],
];
const DAY = DAY_NAMES.map(([, names]) => names).join("|");
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

function dayNumber(name: string): number {
  const lower = name.toLowerCase().replace(/s$/, "");
  return DAY_NAMES.find(([, names]) => names.split("|").includes(lower))?.[0] ?? 0;
}

/** The first `weekdayNumber` on or after `from`. */
function nextWeekday(from: DayKey, weekdayNumber: number): DayKey {
  return addDays(from, (weekdayNumber - weekday(from) + 7) % 7);
}

const STAT_WORDS: ReadonlyArray<readonly [Stat, RegExp]> = [
  [
    "STR",
    /\b(gym|lift(ing)?|weights|push-?ups?|pull-?ups?|squats?|deadlifts?|bench press|strength|workout|work out|exercise|crossfit|planks?|climb(ing)?|boxing)\b/,
  ],
  [
    "AGI",
    /\b(run|runs|running|jog(ging)?|sprints?|walk(s|ing)?|steps|cycl(e|ing)|bike|biking|swim(ming)?|stretch(ing)?|yoga|danc(e|ing)|hike|hiking|skipping|tennis|football|basketball)\b/,
  ],
  [
    "VIT",
    /\b(water|hydrate|drinks?|sleep|bed(time)?|nap|eat(ing)?|vegetables|veggies|fruit|salad|cook(ing)?|vitamins?|floss(ing)?|teeth|sugar|alcohol|beer|wine|smok(e|ing)|cigarettes?|vape|junk food|fast food|soda|coffees?|caffeine|shower|skincare|breakfast|meals?|diet|fasting)\b/,
  ],
  [
    "INT",
    /\b(read(ing)?|books?|pages|chapters?|stud(y|ying)|learn(ing)?|course|lessons?|language|spanish|french|german|japanese|duolingo|vocabulary|code|coding|program(ming)?|write|writing|essay|homework|research|maths?|piano|guitar|violin|instrument)\b/,
  ],
  [
    "PER",
    /\b(meditat(e|ion|ing)|mindful(ness)?|journal(ing)?|gratitude|plan(ning)?|review|reflect(ion)?|breath(e|ing)|pray(er)?|doom-?scroll\w*|scroll(ing)?|social media|phone|screen time|tv|netflix|youtube|focus|tidy|clean(ing)?|declutter|inbox)\b/,
  ],
];

/** Up to two stats the sentence's words point at, in the order they appear. */
function statsOf(text: string): Stat[] {
  const lower = text.toLowerCase();
  return STAT_WORDS.map(([stat, pattern]) => ({ stat, at: lower.search(pattern) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((hit) => hit.stat)
    .slice(0, 2);
}

const UNIT_STOP =
  /^(times?|x|days?|weeks?|months?|years?|am|pm|a|an|the|per|each|every|and|or|to|of|in|on|at|by|for|more|o'clock)$/;
const UNIT_ALIASES: Record<string, string> = { min: "minutes", mins: "minutes", hr: "hours", hrs: "hours", h: "hours" };

function parseTime(hourText: string, minuteText: string | undefined, meridiem: string | undefined): string | null {
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.startsWith("p");
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (minuteText === undefined || hour > 23) {
    return null; // "at 7" could be morning or evening: left blank
  }
  return formatLocalTime(hour * 60 + minute);
}

const TIME = `(?:(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)|(\\d{1,2}):(\\d{2})|(noon|midnight))`;

function timeOf(match: RegExpMatchArray, offset: number): string | null {
  const [h12, m12, meridiem, h24, m24, word] = match.slice(offset, offset + 6);
  if (word) return word.toLowerCase() === "noon" ? "12:00" : "00:00";
  if (h12) return parseTime(h12, m12, meridiem!.toLowerCase());
  return parseTime(h24!, m24, undefined);
}

/** The day a due phrase names ("by Friday", "tomorrow", "Dec 24", "2026-12-24"), or undefined. */
function dueDayOf(match: RegExpMatchArray, today: DayKey): DayKey | undefined {
  const { relative, next, dayName, monthA, dateA, dateB, monthB, iso, weekEnd } = match.groups ?? {};
  if (relative) return relative.toLowerCase() === "tomorrow" ? addDays(today, 1) : today;
  if (dayName) return nextWeekday(next ? addDays(today, 1) : today, dayNumber(dayName));
  if (weekEnd) return nextWeekday(today, 7);
  if (iso) return isValidDayKey(iso) ? iso : undefined;
  const month = MONTHS.indexOf((monthA ?? monthB ?? "").slice(0, 3).toLowerCase()) + 1;
  const candidate = `${today.slice(0, 4)}-${String(month).padStart(2, "0")}-${String(dateA ?? dateB).padStart(2, "0")}`;
  if (!isValidDayKey(candidate)) return undefined;
  // A date already past this year is next year's.
  return candidate < today ? `${Number(today.slice(0, 4)) + 1}${candidate.slice(4)}` : candidate;
}

const DUE_PREFIX = "(?:(?:by|before|until|due(?:\\s+on)?|on)\\s+)";
const DUE_PATTERNS = [
  new RegExp(`\\b${DUE_PREFIX}?(?<relative>today|tonight|tomorrow)\\b`, "i"),
  new RegExp(`\\b(?:by|before|until|due(?:\\s+on)?)\\s+(?<next>next\\s+)?(?<dayName>${DAY})\\b`, "i"),
  new RegExp(`\\bnext\\s+(?<dayName>${DAY})\\b`, "i"),
  new RegExp(
    `\\b${DUE_PREFIX}?(?:(?<monthA>${MONTH})\\s+(?<dateA>\\d{1,2})(?:st|nd|rd|th)?|(?<dateB>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<monthB>${MONTH}))\\b`,
    "i",
  ),
  new RegExp(`\\b${DUE_PREFIX}?(?<iso>\\d{4}-\\d{2}-\\d{2})\\b`, "i"),
  new RegExp(`\\b${DUE_PREFIX}?(?:the\\s+)?(?<weekEnd>end of (?:the|this) week)\\b`, "i"),
];

/** Reads a sentence into a quest draft: every field it could read, none it could not. */
export function readQuestSentence(sentence: string, today: DayKey): QuestDraft {
  let text = sentence
    .slice(0, MAX_SENTENCE_LENGTH)
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.!;]+$/, "");
  text = text.replace(
    /^(?:(?:i\s+(?:want|need|would like|'d like|will|should|must|have)\s+to|i'll|remember to|try to|please|let me|my goal is to|goal:)\s+)+/i,
    "",
  );
  // `title` keeps what names the quest; `scan` also blanks out what was read, so nothing is read twice.
  let title = text;
  let scan = text;
  const peek = (pattern: RegExp) => scan.match(pattern);
  const take = (match: RegExpMatchArray, options: { keepInTitle?: boolean } = {}) => {
    scan = scan.replace(match[0], " ".repeat(match[0].length));
    if (!options.keepInTitle) title = title.replace(match[0], " ");
    return match;
  };
  const read = (pattern: RegExp, options?: { keepInTitle?: boolean }) => {
    const match = peek(pattern);
    return match ? take(match, options) : null;
  };
  const draft: QuestDraft = {};
  let schedule: Schedule | undefined;
  let dueDay: DayKey | undefined;

  const bad = read(/^(?!no more than\b)(?:no|stop|quit|avoid|don'?t|do not|never|cut out|give up)\b\s*/i);

  const perDay = read(
    new RegExp(
      `\\b(${COUNT})\\s*(?:x|times?)?\\s*(?:a|per|each)\\s+day\\b|\\b(twice|thrice|(?:${NUM})\\s*(?:x|times))\\s+daily\\b`,
      "i",
    ),
  );
  if (perDay) {
    const n = toNumber((perDay[1] ?? perDay[2]!).replace(/\s*(x|times)$/i, ""));
    if (Number.isInteger(n) && n >= 1 && n <= 20) draft.timesPerDay = n;
    schedule = { type: "EVERY_DAY" };
  }

  const perWeek =
    read(new RegExp(`\\b(${COUNT})\\s*(?:x|times?|days?)?\\s*(?:a|per|each)\\s+week\\b`, "i")) ??
    read(new RegExp(`\\b(${COUNT})\\s*(?:x|times?)?\\s*weekly\\b`, "i"));
  if (perWeek ?? read(/\b(?:weekly|every week|each week)\b/i)) {
    const n = perWeek ? toNumber(perWeek[1]!) : 1;
    if (Number.isInteger(n) && n >= 7) schedule = { type: "EVERY_DAY" };
    else if (Number.isInteger(n) && n >= 1) schedule = { type: "TIMES_PER_WEEK", n };
  }

  const everyN = read(
    new RegExp(`\\bevery\\s+(${NUM}|${Object.keys(ORDINALS).join("|")}|\\d+(?:st|nd|rd|th))\\s+days?\\b`, "i"),
  );
  if (everyN) {
    const n = toNumber(everyN[1]!);
    if (n === 1) schedule = { type: "EVERY_DAY" };
    else if (Number.isInteger(n) && n >= 2 && n <= 365) schedule = { type: "EVERY_N_DAYS", n, anchor: today };
  }

  if (
    read(
      /\b(?:on\s+|every\s+|each\s+)?(?:week\s?days?|workdays|work days|monday\s+(?:to|through|-)\s+friday|mon\s*-\s*fri)\b/i,
    )
  ) {
    schedule = { type: "WEEKDAYS", days: [1, 2, 3, 4, 5] };
  } else if (read(/\b(?:on\s+|every\s+|each\s+)?(?:the\s+)?week\s?ends?\b/i)) {
    schedule = { type: "WEEKDAYS", days: [6, 7] };
  }

  for (const pattern of DUE_PATTERNS) {
    const match = read(pattern);
    if (!match) continue;
    dueDay = dueDayOf(match, today);
    break;
  }

  // "every Monday and Thursday", "on Mondays", "mon/wed/fri" repeat; "on Friday" is a due day; "sun" alone is a word.
  const days = peek(
    new RegExp(`\\b(?:on\\s+|every\\s+|each\\s+)?((?:${DAY})s?(?:\\s*(?:,|and|&|/|or)\\s*(?:${DAY})s?)*)\\b`, "i"),
  );
  if (days) {
    const names = days[1]!.split(/\s*(?:,|\band\b|&|\/|\bor\b)\s*/i).filter(Boolean);
    const numbers = [...new Set(names.map(dayNumber).filter((n) => n > 0))].sort();
    const recurring = /^(every|each)\b/i.test(days[0]) || names.length > 1 || names.some((n) => /s$/i.test(n));
    if (recurring && numbers.length > 0) {
      take(days);
      schedule = numbers.length === 7 ? { type: "EVERY_DAY" } : { type: "WEEKDAYS", days: numbers };
    } else if (numbers.length === 1 && /^on\b/i.test(days[0]) && !dueDay) {
      take(days);
      dueDay = nextWeekday(today, numbers[0]!);
    }
  }

  if (
    read(
      /\b(?:every\s?day|daily|each day|nightly|(?:every|each)\s+(?:morning|evening|night|afternoon)|a day|per day)\b/i,
    )
  ) {
    schedule ??= { type: "EVERY_DAY" };
  }

  // Reminder: "at 7am", "at 19:30", "7pm"; "after 10pm" stays in the title as part of the habit.
  const at =
    read(new RegExp(`(?:\\bat|@)\\s*${TIME}`, "i")) ??
    read(new RegExp(`\\bafter\\s+${TIME}`, "i"), { keepInTitle: true }) ??
    read(new RegExp(`(?<!\\b(?:before|by|until|till)\\s)\\b${TIME}(?![a-z])`, "i"));
  if (at) {
    const time = timeOf(at, 1);
    if (time) draft.reminderTime = time;
  }

  // A quantity with its unit: "20 pages", "8 glasses of water", "10k steps", "at most 2 coffees".
  const quantity = new RegExp(
    `\\b(?:(at least|at most|no more than|max(?:imum)?|up to|under|less than|fewer than)\\s+)?(${NUM})\\s*([a-z][a-z-]*)`,
    "gi",
  );
  for (const match of scan.matchAll(quantity)) {
    const unit = match[3]!.toLowerCase();
    const value = toNumber(match[2]!);
    if (UNIT_STOP.test(unit) || !Number.isFinite(value) || value <= 0 || value > 1_000_000_000) continue;
    draft.target = {
      value,
      unit: (UNIT_ALIASES[unit] ?? unit).slice(0, 20),
      direction: match[1] && !/^at least$/i.test(match[1]) ? "AT_MOST" : "AT_LEAST",
    };
    break;
  }

  const lower = text.toLowerCase();
  draft.difficulty = /\b(hard|intense|long|heavy|difficult|tough|brutal)\b/.test(lower)
    ? "HARD"
    : /\b(easy|quick|light|short|small|gentle|simple)\b/.test(lower)
      ? "EASY"
      : "NORMAL";

  if (bad) {
    draft.kind = "HABIT";
    draft.positive = false;
  } else if (dueDay && !schedule) {
    draft.kind = "ONE_TIME";
    draft.dueDay = dueDay;
  } else if (schedule) {
    draft.kind = "DAILY";
    draft.schedule = schedule;
  } else if (
    read(
      /\b(?:whenever\s+(?:i|you)\s+can|whenever possible|as often as (?:i can|possible)|whenever|each time|every time)\b/i,
    )
  ) {
    draft.kind = "HABIT";
    draft.positive = true;
  }
  if (draft.kind !== "ONE_TIME") {
    const stats = statsOf(text);
    if (stats.length > 0) draft.stats = stats;
  }

  const cleaned = title
    .replace(/\s+/g, " ")
    .replace(/\s+([,.])/g, "$1")
    .replace(/^(?:[\s,:-]|\b(?:and|to|on|by|every|each)\b|\bat\b(?!\s+(?:most|least)\b))+/i, "")
    .replace(/(?:[\s,:-]|\b(?:and|to|on|at|by|every|each|for|of|a)\b)+$/i, "")
    .trim()
    .slice(0, 100);
  if (cleaned) draft.title = cleaned[0]!.toUpperCase() + cleaned.slice(1);
  return normaliseDraft(draft);
}

/** Drops what the draft's kind cannot have, so a reading never turns into an invalid quest. */
function normaliseDraft(draft: QuestDraft): QuestDraft {
  const result = { ...draft };
  if (result.kind !== "DAILY") delete result.schedule;
  if (result.kind !== "HABIT") delete result.positive;
  if (result.kind !== "ONE_TIME") delete result.dueDay;
  if (result.kind === "HABIT") delete result.timesPerDay;
  if (result.kind === "ONE_TIME") {
    // A to-do is done by one check-in and feeds no stats.
    delete result.target;
    delete result.timesPerDay;
    delete result.stats;
  }
  if (result.target?.direction === "AT_MOST" && result.schedule?.type === "TIMES_PER_WEEK") delete result.target;
  return result;
}

function modelSchedule(schedule: NonNullable<ModelDraft["schedule"]>, today: DayKey): Schedule | undefined {
  const n = schedule.n ?? 0;
  switch (schedule.type) {
    case "EVERY_DAY":
      return { type: "EVERY_DAY" };
    case "WEEKDAYS": {
      const days = [...new Set(schedule.weekdays.map((day) => WEEKDAY_WORDS.indexOf(day) + 1))].sort();
      return days.length === 0 ? undefined : days.length === 7 ? { type: "EVERY_DAY" } : { type: "WEEKDAYS", days };
    }
    case "EVERY_N_DAYS":
      return n === 1
        ? { type: "EVERY_DAY" }
        : n >= 2 && n <= 365
          ? { type: "EVERY_N_DAYS", n, anchor: today }
          : undefined;
    case "TIMES_PER_WEEK":
      return n >= 7 ? { type: "EVERY_DAY" } : n >= 1 ? { type: "TIMES_PER_WEEK", n } : undefined;
  }
}

/**
 * A model's reading of a sentence laid over the built-in one: the model's fields win, the built-in reading fills
 * what it left null. Null when the model states a number the sentence does not: it may never invent one.
 */
export function mergeModelDraft(
  model: ModelDraft,
  builtin: QuestDraft,
  sentence: string,
  today: DayKey,
): QuestDraft | null {
  const allowed = sentenceNumbers(sentence);
  const stated = [
    model.schedule?.n,
    model.timesPerDay,
    model.target?.value,
    model.dueInDays,
    ...numbersIn(model.title ?? ""),
  ];
  if (stated.some((n) => n !== null && n !== undefined && !allowed.has(Math.abs(n)))) return null;
  if (model.reminderTime) {
    const [hour, minute] = model.reminderTime.split(":").map(Number) as [number, number];
    const hourSaid = allowed.has(hour) || allowed.has(hour - 12) || (hour === 0 && allowed.has(12));
    if (!hourSaid || !allowed.has(minute)) return null;
  }
  const draft: QuestDraft = { ...builtin };
  if (model.kind) draft.kind = model.kind;
  if (model.title?.trim()) draft.title = model.title.trim();
  if (model.difficulty) draft.difficulty = model.difficulty;
  if (model.stats.length > 0) draft.stats = [...new Set(model.stats)];
  const schedule = model.schedule && modelSchedule(model.schedule, today);
  if (schedule) draft.schedule = schedule;
  if (model.timesPerDay !== null && model.timesPerDay >= 1 && model.timesPerDay <= 20)
    draft.timesPerDay = model.timesPerDay;
  if (model.target && model.target.value > 0 && model.target.unit.trim()) {
    draft.target = { ...model.target, unit: model.target.unit.trim() };
  }
  if (model.reminderTime) draft.reminderTime = model.reminderTime;
  if (model.positive !== null) draft.positive = model.positive;
  if (model.dueWeekday) draft.dueDay = nextWeekday(today, WEEKDAY_WORDS.indexOf(model.dueWeekday) + 1);
  else if (model.dueInDays !== null && model.dueInDays >= 0 && model.dueInDays <= 366) {
    draft.dueDay = addDays(today, model.dueInDays);
  }
  return normaliseDraft(draft);
}

/** Whether a draft is ready to save as it is, and which fields the Hunter must still fill. */
export function draftStatus(draft: QuestDraft): { complete: boolean; missing: string[] } {
  const result = createQuestSchema.safeParse(draft);
  if (result.success) return { complete: true, missing: [] };
  const missing = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "kind")));
  return { complete: false, missing: [...missing] };
}
