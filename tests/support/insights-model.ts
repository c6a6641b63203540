// The model's failure modes, scripted on the OpenAI-compatible stand-in and driven through the real SDK: each must
// end in a correct reply to the Hunter. Shared by the Responses and the Chat Completions test files, which differ
// only in AI_API_STYLE (lib/env is read once per test file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { draftQuest } from "@/lib/insights/drafts";
import { readQuestSentence } from "@/lib/insights/sentence";
import { makeHunterWithHistory } from "@/tests/support/insights";
import { MODEL_DRAFT } from "@/tests/support/openai-answers";
import { startOpenAiStandIn, type StandInStep } from "@/tests/support/openai-stand-in.mjs";

export const TIMEOUT_MS = 1_500;

export type StandIn = Awaited<ReturnType<typeof startOpenAiStandIn>>;

/** Starts the stand-in and points lib/env at it before anything reads the environment. */
export function startStandInForFile(style: "responses" | "chat", budget = 5): { current: StandIn } {
  const ref = {} as { current: StandIn };
  beforeAll(async () => {
    ref.current = await startOpenAiStandIn();
    Object.assign(process.env, {
      OPENAI_API_KEY: "sk-stand-in-key",
      OPENAI_BASE_URL: ref.current.url,
      OPENAI_MODEL: "stand-in-model",
      AI_API_STYLE: style,
      AI_TIMEOUT_MS: String(TIMEOUT_MS),
      AI_DAILY_BUDGET: String(budget),
      // A loaded test machine can be slower than the 300 ms the app allows Redis; the budget must be counted.
      REDIS_TIMEOUT_MS: "2000",
    });
  });
  afterAll(() => ref.current.close());
  return ref;
}

export const SENTENCE = "read 20 pages every day";

const retryAfter = { status: 429, headers: { "retry-after-ms": "30" } };

export const FAILURES: { name: string; steps: StandInStep[]; requests: number }[] = [
  { name: "output that fails the zod schema", steps: [{ json: { ...MODEL_DRAFT, kind: "WEEKLY" } }], requests: 1 },
  { name: "output that is not JSON", steps: [{ text: "Hunter, read more." }], requests: 1 },
  { name: "a refusal", steps: [{ refusal: "I can't help with that." }], requests: 1 },
  { name: "output cut off by the token limit", steps: [{ cutOff: true }], requests: 1 },
  { name: "429 twice (one retry, after retry-after-ms)", steps: [retryAfter, retryAfter], requests: 2 },
  { name: "500 twice (one retry, no more)", steps: [{ status: 500 }, { status: 500 }, { status: 500 }], requests: 2 },
  {
    name: "a number the sentence never said",
    steps: [{ json: { ...MODEL_DRAFT, target: { value: 30, unit: "pages", direction: "AT_LEAST" } } }],
    requests: 1,
  },
];

/** An opted-in Hunter with no history, out of the tick's way. */
export async function optedInHunter() {
  return makeHunterWithHistory({ firstDay: "2040-03-05", days: 0, quests: [], aiOptIn: true });
}

export const NOW = new Date("2040-03-07T09:00:00Z");

/** The quest-draft matrix: valid output, every failure, a retry that succeeds, and a model slower than the timeout. */
export function describeDraftFallbacks(standIn: { current: StandIn }) {
  describe("quest from a sentence, through the model", () => {
    it("uses a valid reading (the model's fields over the built-in ones), with store:false", async () => {
      const hunter = await optedInHunter();
      standIn.current.script([{ json: MODEL_DRAFT }]);
      const view = await draftQuest(hunter.playerId, SENTENCE, NOW);
      expect(view).toMatchObject({ source: "openai", complete: true });
      expect(view.draft).toMatchObject({ kind: "DAILY", difficulty: "EASY", target: { value: 20, unit: "pages" } });
      expect(standIn.current.requests).toHaveLength(1);
      expect(standIn.current.requests[0]!.body).toMatchObject({ store: false, model: "stand-in-model" });
    });

    it("retries once after a 429 with retry-after-ms, and uses the answer", async () => {
      const hunter = await optedInHunter();
      standIn.current.script([retryAfter, { json: MODEL_DRAFT }]);
      const view = await draftQuest(hunter.playerId, SENTENCE, NOW);
      expect(view.source).toBe("openai");
      expect(standIn.current.requests).toHaveLength(2);
    });

    for (const failure of FAILURES) {
      it(`answers in the built-in voice after ${failure.name}`, async () => {
        const hunter = await optedInHunter();
        standIn.current.script(failure.steps);
        const view = await draftQuest(hunter.playerId, SENTENCE, NOW);
        expect(view).toEqual({
          draft: readQuestSentence(SENTENCE, "2040-03-07"),
          complete: true,
          missing: [],
          source: "builtin",
        });
        expect(standIn.current.requests).toHaveLength(failure.requests);
      });
    }

    it("gives up on a model slower than the timeout and answers in the built-in voice in time", async () => {
      const hunter = await optedInHunter();
      standIn.current.script([
        { delayMs: 4 * TIMEOUT_MS, json: MODEL_DRAFT },
        { delayMs: 4 * TIMEOUT_MS, json: MODEL_DRAFT },
      ]);
      const started = Date.now();
      const view = await draftQuest(hunter.playerId, SENTENCE, NOW);
      expect(view.source).toBe("builtin");
      expect(view.draft).toEqual(readQuestSentence(SENTENCE, "2040-03-07"));
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000);
    });

    it("asks nothing for a Hunter who has not opted in, key or no key", async () => {
      const hunter = await optedInHunter();
      await db.player.update({ where: { id: hunter.playerId }, data: { aiOptIn: false } });
      standIn.current.script([{ json: MODEL_DRAFT }]);
      expect((await draftQuest(hunter.playerId, SENTENCE, NOW)).source).toBe("builtin");
      expect(standIn.current.requests).toHaveLength(0);
    });
  });
}
