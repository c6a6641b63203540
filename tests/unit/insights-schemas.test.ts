// The JSON Schemas the model is asked to fill, as the SDK generates them from the zod schemas. A zod or openai
// upgrade that changes them (and could make OpenAI refuse the request, or accept answers the code cannot read)
// changes these snapshots: review the difference, then update with `npx vitest run -u`.
import { zodResponseFormat, zodTextFormat } from "openai/helpers/zod";
import { describe, expect, it } from "vitest";
import { draftRequestSchema, modelDraftSchema, reportQuerySchema, reportWordsSchema } from "@/lib/insights/schemas";

describe("structured output schemas", () => {
  it.each([
    ["system_report", reportWordsSchema],
    ["quest_draft", modelDraftSchema],
  ] as const)("%s: Responses text format and Chat Completions response format", (name, schema) => {
    const text = zodTextFormat(schema, name);
    const chat = zodResponseFormat(schema, name);
    expect(text).toMatchObject({ type: "json_schema", name, strict: true });
    // Both APIs get the same schema.
    expect(chat.json_schema.schema).toEqual(text.schema);
    expect(text.schema).toMatchSnapshot();
  });

  it("parses a valid answer and refuses an incomplete one", () => {
    const words = { headline: "h", paragraphs: ["p"], recommendations: [], renames: [] };
    expect(zodTextFormat(reportWordsSchema, "r").$parseRaw(JSON.stringify(words))).toEqual(words);
    expect(() => zodTextFormat(reportWordsSchema, "r").$parseRaw(JSON.stringify({ headline: "h" }))).toThrow();
  });
});

describe("request schemas", () => {
  it.each([
    [{ week: "2026-W48" }, true],
    [{}, true],
    [{ week: "2026-W53" }, true],
    [{ week: "2025-W53" }, false],
    [{ week: "2026-48" }, false],
    [{ week: "2026-W00" }, false],
    [{ week: "2026-W48", extra: "1" }, false],
  ])("report query %j → %s", (query, ok) => {
    expect(reportQuerySchema.safeParse(query).success).toBe(ok);
  });

  it.each([
    [{ text: "read 20 pages every day" }, true],
    [{ text: "   " }, false],
    [{ text: "a".repeat(301) }, false],
    [{}, false],
  ])("draft request %j → %s", (body, ok) => {
    expect(draftRequestSchema.safeParse(body).success).toBe(ok);
  });
});
