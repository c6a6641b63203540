/**
 * The model writes words, never numbers (docs/rules.md "The System speaks"): every number a text states must be
 * one the System gave it. Pure.
 */

/** Cardinal number words, as the System reads them in a model's text and in a Hunter's sentence. */
export const CARDINALS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  dozen: 12,
};

/** How many times: "twice a week". */
export const MULTIPLES: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

// "1,234.5", "10000", "07", "3.5"; digits inside words ("W48", "2nd") count too.
const DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const WORDS = /[a-z]+/g;

/**
 * The numbers a text states, as absolute values: digits with or without thousands separators, and number words.
 * "one" is left out: in prose it is a pronoun far more often than a count ("the one you skipped").
 */
export function numbersIn(text: string): number[] {
  const found = [...text.matchAll(DIGITS)].map((m) => Number(m[0].replaceAll(",", "")));
  for (const [word] of text.toLowerCase().matchAll(WORDS)) {
    const value = word === "one" ? undefined : (CARDINALS[word] ?? MULTIPLES[word]);
    if (value !== undefined) found.push(value);
  }
  return found;
}

/** Every number a JSON value holds, in its numbers and inside its strings (titles, weeks, times). Zero always. */
export function numbersOf(value: unknown, into = new Set<number>([0])): Set<number> {
  if (typeof value === "number" && Number.isFinite(value)) into.add(Math.abs(value));
  else if (typeof value === "string") for (const n of numbersIn(value)) into.add(n);
  else if (Array.isArray(value)) for (const item of value) numbersOf(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) numbersOf(item, into);
  return into;
}

/** The numbers `text` states that `allowed` does not hold: empty when the text is faithful. */
export function strayNumbers(text: string, allowed: ReadonlySet<number>): number[] {
  return numbersIn(text).filter((n) => !allowed.has(n));
}
