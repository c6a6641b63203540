// A small OpenAI-compatible HTTP server for tests: the real `openai` SDK talks to it through OPENAI_BASE_URL.
// It serves POST /v1/responses (the Responses API) and POST /v1/chat/completions, answers from a script the test
// sets (one step per request, in order), and records every request so tests can say what left the server.
// Steps: { json } a valid answer (the object the model "wrote"), { text } raw output text, { refusal }, { cutOff },
// { status, headers?, body? } an HTTP error (429 with retry-after-ms, 500, ...), each optionally { delayMs }.
import { createServer } from "node:http";

let sequence = 0;
const nextId = (prefix) => `${prefix}_${Date.now().toString(36)}${(sequence++).toString(36)}`;

function responsesBody(step, request) {
  const base = {
    id: nextId("resp"),
    object: "response",
    created_at: Math.floor(Date.now() / 1000),
    model: request.model ?? "stand-in",
    status: "completed",
    error: null,
    incomplete_details: null,
    output: [],
    parallel_tool_calls: true,
    tool_choice: "auto",
    tools: [],
    usage: { input_tokens: 10, output_tokens: 10, total_tokens: 20 },
  };
  const message = (content) => ({
    type: "message",
    id: nextId("msg"),
    status: "completed",
    role: "assistant",
    content,
  });
  if (step.refusal) return { ...base, output: [message([{ type: "refusal", refusal: step.refusal }])] };
  const text = step.cutOff ? '{"headline":"The Sys' : (step.text ?? JSON.stringify(step.json));
  const output = [message([{ type: "output_text", text, annotations: [] }])];
  if (step.cutOff)
    return { ...base, status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, output };
  return { ...base, output };
}

function chatBody(step, request) {
  const text = step.cutOff ? '{"headline":"The Sys' : step.refusal ? null : (step.text ?? JSON.stringify(step.json));
  return {
    id: nextId("chatcmpl"),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model ?? "stand-in",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text, refusal: step.refusal ?? null },
        finish_reason: step.cutOff ? "length" : "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

const ROUTES = { "/v1/responses": responsesBody, "/v1/chat/completions": chatBody };

/**
 * Starts the stand-in on 127.0.0.1 (`port` 0: any free port). `script(steps)` replaces the queue; a request with no
 * step left gets a 500, so an unexpected request fails loudly.
 */
export function startOpenAiStandIn({ port = 0 } = {}) {
  const requests = [];
  let steps = [];
  const flight = { now: 0, max: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      flight.max = Math.max(flight.max, ++flight.now);
      res.once("close", () => (flight.now -= 1));
      const path = new URL(req.url ?? "/", "http://stand-in").pathname;
      requests.push({ method: req.method, path, headers: req.headers, raw, body });
      const render = ROUTES[path];
      const step = steps.shift();
      if (step?.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
      if (res.destroyed) return;
      const send = (status, payload, headers = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== "POST" || !render)
        return send(404, { error: { message: `No route ${path}`, type: "invalid_request_error" } });
      if (!step)
        return send(500, { error: { message: "The stand-in has no scripted answer left", type: "server_error" } });
      if (step.status) {
        return send(
          step.status,
          step.body ?? { error: { message: `Scripted ${step.status}`, type: "server_error" } },
          step.headers,
        );
      }
      send(200, render(step, body ?? {}));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}/v1`,
        requests,
        script(next) {
          steps = [...next];
          requests.length = 0;
          flight.max = 0;
        },
        /** The most requests that were open at once since the last script. */
        maxInFlight: () => flight.max,
        remaining: () => steps.length,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
