import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/** zxcvbn's 0–4 guessability score a new password must reach: 3 is "safely unguessable" for an online attack. */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/**
 * Why a new password is too easy to guess (common passwords, dictionary words, keyboard walks, the account's own
 * email or name), or null when it is strong enough. Server-side only: the dictionaries are a megabyte.
 */
export function passwordWeakness(password: string, userInputs: string[]): string | null {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  const result = factory.check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return `This password is too easy to guess${hint ? `: ${hint.replace(/\.$/, "")}` : ""}. Try a longer phrase.`;
}
