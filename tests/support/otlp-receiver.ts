// A small OpenTelemetry collector stand-in: an OTLP/HTTP receiver on a free port that accepts
// `POST /v1/traces` in the OTLP/JSON encoding (the app's exporter sends it with OTEL_EXPORTER_OTLP_PROTOCOL=http/json),
// keeps every span, and refuses any other encoding with 415 so a test notices it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type AnyValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value?: AnyValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: KeyValue[];
  status?: { code?: number; message?: string };
};
type ExportTraceServiceRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
};

export type Attribute = string | number | boolean | Attribute[] | undefined;

export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  scope: string;
  service: string;
  startNs: bigint;
  durationMs: number;
  attributes: Record<string, Attribute>;
  error: boolean;
};

function valueOf(value: AnyValue | undefined): Attribute {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  return undefined;
}

const attributesOf = (list: KeyValue[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));

export type OtlpReceiver = {
  url: string;
  spans: ReceivedSpan[];
  /** Every export request's body as it arrived. */
  bodies: string[];
  /** Content types of requests refused as not OTLP/JSON. */
  refused: string[];
  close: () => Promise<void>;
};

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/traces") {
        response.writeHead(404).end();
        return;
      }
      const type = request.headers["content-type"] ?? "";
      if (!type.startsWith("application/json")) {
        refused.push(type);
        response.writeHead(415, { "content-type": "text/plain" }).end("this receiver reads OTLP/JSON only");
        return;
      }
      bodies.push(Buffer.concat(chunks).toString());
      const body = JSON.parse(bodies.at(-1)!) as ExportTraceServiceRequest;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)["service.name"]);
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            const startNs = BigInt(span.startTimeUnixNano);
            spans.push({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              scope: scopeSpans.scope?.name ?? "",
              service,
              startNs,
              durationMs: Number(BigInt(span.endTimeUnixNano) - startNs) / 1e6,
              attributes: attributesOf(span.attributes),
              error: span.status?.code === 2,
            });
          }
        }
      }
      // An ExportTraceServiceResponse with nothing rejected.
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    bodies,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The spans of one trace as an indented tree, children in start order: "name 12.3 ms  key=value". */
export function spanTree(spans: ReceivedSpan[], describe: (span: ReceivedSpan) => string = () => ""): string {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = (parent: string | undefined) =>
    spans
      .filter((s) => (parent ? s.parentSpanId === parent : !s.parentSpanId || !ids.has(s.parentSpanId)))
      .sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  const lines: string[] = [];
  const walk = (span: ReceivedSpan, depth: number) => {
    const extra = describe(span);
    lines.push(`${"  ".repeat(depth)}${span.name}  ${span.durationMs.toFixed(1)} ms${extra ? `  ${extra}` : ""}`);
    for (const child of children(span.spanId)) walk(child, depth + 1);
  };
  for (const root of children(undefined)) walk(root, 0);
  return lines.join("\n");
}

/** Whether `span` sits somewhere below `ancestor` in the trace. */
export function isBelow(spans: ReceivedSpan[], span: ReceivedSpan, ancestor: ReceivedSpan): boolean {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) {
    if (parent === ancestor.spanId) return true;
  }
  return false;
}
