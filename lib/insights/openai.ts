import "server-only";
import { createHmac } from "node:crypto";
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/error";
import { zodResponseFormat, zodTextFormat } from "openai/helpers/zod";
import type { z } from "zod";
import { env } from "@/lib/env";

/** Why the built-in voice answered instead of the model. */
export type FallbackReason = "REFUSED" | "CUT_OFF" | "INVALID" | "TIMEOUT" | "ERROR";

export type ModelAnswer<T> = { ok: true; value: T } | { ok: false; reason: FallbackReason };

/** Whether the server may ask a model at all: a key, and a daily budget above zero. */
export function modelConfigured(): boolean {
  const e = env();
  return Boolean(e.OPENAI_API_KEY) && e.AI_DAILY_BUDGET > 0;
}

/**
 * The player as the provider may know them: an HMAC of their id under the server's secret, so abuse can be traced
 * back by us and by no one else.
 */
export function safetyIdentifier(playerId: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`safety:${playerId}`).digest("hex");
}

class DeadlineError extends Error {}

/** Runs `call` with an abort signal, and gives up when `ms` have passed, retries and their waits included. */
async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineError());
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function reasonFor(error: unknown): FallbackReason {
  if (error instanceof LengthFinishReasonError) return "CUT_OFF";
  if (error instanceof ContentFilterFinishReasonError) return "REFUSED";
  if (error instanceof DeadlineError || error instanceof APIConnectionTimeoutError) return "TIMEOUT";
  if (error instanceof APIUserAbortError) return "TIMEOUT";
  if (error instanceof APIError) return "ERROR";
  // The SDK parses the answer with the zod schema (or JSON.parse) and throws what they throw.
  if (error instanceof Error && (error.name === "ZodError" || error instanceof SyntaxError)) return "INVALID";
  return "ERROR";
}

export type ModelRequest<T> = {
  schema: z.ZodType<T>;
  /** The schema's name as the provider sees it. */
  name: string;
  instructions: string;
  /** The user message: only what the caller decided may leave the server. */
  input: string;
  playerId: string;
  maxOutputTokens: number;
};

/**
 * Asks the configured model for structured output, validated by `schema`. Never throws: a refusal, a cut-off,
 * invalid output, a timeout or any error comes back as a reason, and the caller answers in the built-in voice.
 * At most one retry (the SDK's, honouring retry-after-ms), all within AI_TIMEOUT_MS.
 */
export async function askModel<T>(request: ModelRequest<T>): Promise<ModelAnswer<T>> {
  const e = env();
  const client = new OpenAI({
    apiKey: e.OPENAI_API_KEY,
    baseURL: e.OPENAI_BASE_URL,
    timeout: e.AI_TIMEOUT_MS,
    maxRetries: 1,
  });
  const common = { store: false, safety_identifier: safetyIdentifier(request.playerId) } as const;
  try {
    return await withDeadline(e.AI_TIMEOUT_MS, async (signal): Promise<ModelAnswer<T>> => {
      if (e.AI_API_STYLE === "chat") {
        const completion = await client.chat.completions.parse(
          {
            ...common,
            model: e.OPENAI_MODEL,
            messages: [
              { role: "system", content: request.instructions },
              { role: "user", content: request.input },
            ],
            response_format: zodResponseFormat(request.schema, request.name),
            // max_tokens, not max_completion_tokens: what OpenAI-compatible servers (Ollama, LM Studio) understand.
            max_tokens: request.maxOutputTokens,
          },
          { signal },
        );
        const message = completion.choices[0]?.message;
        if (message?.refusal) return { ok: false, reason: "REFUSED" };
        return message?.parsed ? { ok: true, value: message.parsed } : { ok: false, reason: "INVALID" };
      }
      const response = await client.responses.parse(
        {
          ...common,
          model: e.OPENAI_MODEL,
          instructions: request.instructions,
          input: request.input,
          text: { format: zodTextFormat(request.schema, request.name) },
          max_output_tokens: request.maxOutputTokens,
        },
        { signal },
      );
      if (response.status === "incomplete") return { ok: false, reason: "CUT_OFF" };
      const refused = response.output.some(
        (item) => item.type === "message" && item.content.some((part) => part.type === "refusal"),
      );
      if (refused) return { ok: false, reason: "REFUSED" };
      const parsed = response.output_parsed;
      return parsed ? { ok: true, value: parsed } : { ok: false, reason: "INVALID" };
    });
  } catch (error) {
    return { ok: false, reason: reasonFor(error) };
  }
}
