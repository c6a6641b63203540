export type StandInStep = {
  /** A valid answer: the object the model wrote, sent as its output text. */
  json?: unknown;
  /** Raw output text (e.g. JSON that fails the schema). */
  text?: string;
  refusal?: string;
  /** Output cut off by the token limit (Responses: status incomplete; Chat Completions: finish_reason length). */
  cutOff?: boolean;
  /** An HTTP error instead of an answer. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
};

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  body: Record<string, unknown> | null;
};

export function startOpenAiStandIn(options?: { port?: number }): Promise<{
  url: string;
  requests: RecordedRequest[];
  script: (steps: StandInStep[]) => void;
  remaining: () => number;
  maxInFlight: () => number;
  close: () => Promise<void>;
}>;
