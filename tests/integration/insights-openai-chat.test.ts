// AI_API_STYLE=chat: the Chat Completions adapter for OpenAI-compatible servers (Ollama, LM Studio), against the
// stand-in's /v1/chat/completions through the real SDK, with the same failure matrix as the Responses API.
import { describe, expect, it } from "vitest";
import { draftQuest } from "@/lib/insights/drafts";
import {
  describeDraftFallbacks,
  NOW,
  optedInHunter,
  SENTENCE,
  startStandInForFile,
} from "@/tests/support/insights-model";
import { MODEL_DRAFT } from "@/tests/support/openai-answers";

const standIn = startStandInForFile("chat");

describeDraftFallbacks(standIn);

describe("the chat completions request", () => {
  it("sends the schema as a strict json_schema response format, the sentence as the only user message", async () => {
    const hunter = await optedInHunter();
    standIn.current.script([{ json: MODEL_DRAFT }]);
    await draftQuest(hunter.playerId, SENTENCE, NOW);
    const [request] = standIn.current.requests;
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.body).toMatchObject({
      store: false,
      response_format: { type: "json_schema", json_schema: { name: "quest_draft", strict: true } },
    });
    const messages = request!.body!.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(JSON.parse(messages[1]!.content)).toEqual({ sentence: SENTENCE });
  });
});
