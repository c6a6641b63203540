import "server-only";
import { z } from "zod";
import { limitsSchema } from "@/lib/rate-limit/rules";

const optional = z.string().optional();

/** A key from `npx web-push generate-vapid-keys`: URL-safe base64 of `bytes` bytes. */
const vapidKey = (bytes: number, what: string) =>
  optional.pipe(
    z
      .string()
      .refine((key) => /^[\w-]+=*$/.test(key) && Buffer.from(key, "base64url").length === bytes, {
        message: `must be the ${what} from \`npx web-push generate-vapid-keys\` (URL-safe base64, ${bytes} bytes)`,
      })
      .optional(),
  );

/** Domains that name no one: example.com and the reserved test, invalid and localhost names. */
const RESERVED_HOST = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost|local)$/i;

/**
 * VAPID_SUBJECT: who push services contact about this sender, a real `mailto:` address or `https:` page. Apple's
 * service refuses placeholders, so reserved domains are refused here rather than failing every push there.
 */
const vapidSubject = optional.pipe(
  z
    .string()
    .refine(
      (subject) => {
        if (subject.startsWith("mailto:")) {
          const address = subject.slice("mailto:".length);
          return z.email().safeParse(address).success && !RESERVED_HOST.test(address.split("@")[1] ?? "");
        }
        if (!URL.canParse(subject)) return false;
        const url = new URL(subject);
        return url.protocol === "https:" && url.hostname.includes(".") && !RESERVED_HOST.test(url.hostname);
      },
      { message: "must be a real contact: mailto:you@your-domain or https://your-domain/contact" },
    )
    .optional(),
);

/** PUSH_ALLOWED_ORIGINS: a comma list of origins (scheme://host[:port]) allowed as push endpoints too. */
const pushOrigins = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const origins = text
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const origin of origins) {
      const valid =
        URL.canParse(origin) && new URL(origin).origin === origin && /^https?:$/.test(new URL(origin).protocol);
      if (!valid) ctx.addIssue({ code: "custom", message: `${origin} is not an origin like https://push.example.org` });
    }
    return origins;
  });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ message: "must be a postgres:// URL" }),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    NEXTAUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (openssl rand -base64 32)" }),
    NEXTAUTH_URL: optional.pipe(z.url().optional()),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    UPSTASH_REDIS_REST_URL: optional.pipe(z.url().optional()),
    UPSTASH_REDIS_REST_TOKEN: optional,
    KV_REST_API_URL: optional.pipe(z.url().optional()),
    KV_REST_API_TOKEN: optional,
    // Prefixes every Redis key, so several deployments (or test runs) can share one database.
    REDIS_PREFIX: z.string().default("ts:"),
    // Every Redis call gives up after this long (the app stays at 300 ms or less; admin commands may wait longer).
    REDIS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(300),
    // How long a player's status window may be served from Redis; writes delete it at once anyway. 0 turns it off.
    STATUS_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    // JSON overrides of the rate limits in lib/rate-limit/rules.ts, e.g. {"signInIp":{"limit":3,"windowSeconds":60}}.
    RATE_LIMITS: z
      .string()
      .default("{}")
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "must be JSON" });
          return z.NEVER;
        }
      })
      .pipe(limitsSchema),
    // Reverse proxies in front of a self-hosted server that append to X-Forwarded-For (lib/rate-limit/rules.ts).
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    CRON_SECRET: optional.pipe(z.string().min(16, { message: "must be at least 16 characters" }).optional()),
    // Upstash QStash signing keys (console → QStash → Signing keys): both, so deliveries verify across a rotation.
    QSTASH_CURRENT_SIGNING_KEY: optional,
    QSTASH_NEXT_SIGNING_KEY: optional,
    // Bearer token of GET /api/metrics (Prometheus); unset, the endpoint refuses every scrape.
    METRICS_TOKEN: optional.pipe(z.string().min(16, { message: "must be at least 16 characters" }).optional()),
    // Outgoing mail (password reset links; with it, sign-up confirms the email first): smtp://user:pass@host:587 or
    // smtps://…:465. Unset: links are printed to the server log in development and not sent at all in production.
    SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" }).optional()),
    MAIL_FROM: z.string().default("The System <no-reply@thesystem.local>"),
    // Server log verbosity (JSON lines on stdout, lib/log): fatal, error, warn, info (default), debug, trace, silent.
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // OpenTelemetry traces (instrumentation.ts): exported over OTLP/HTTP to this collector only when it is set. The
    // exporter (@vercel/otel) reads these standard variables itself; they are validated here.
    OTEL_EXPORTER_OTLP_ENDPOINT: optional.pipe(
      z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
    ),
    OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(["http/protobuf", "http/json"]).optional(),
    // Headers the collector wants, e.g. an API key: "x-honeycomb-team=…,other=…".
    OTEL_EXPORTER_OTLP_HEADERS: optional.pipe(
      z
        .string()
        .regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, {
          message: "must be name=value pairs, comma-separated",
        })
        .optional(),
    ),
    OTEL_SERVICE_NAME: z.string().default("the-system"),
    // Web Push (VAPID) for reminders: all three from `npx web-push generate-vapid-keys`, or none (no push).
    VAPID_PUBLIC_KEY: vapidKey(65, "public key"),
    VAPID_PRIVATE_KEY: vapidKey(32, "private key"),
    VAPID_SUBJECT: vapidSubject,
    // Push endpoints are accepted only at the browsers' push services; these origins are accepted too.
    PUSH_ALLOWED_ORIGINS: pushOrigins,
    // The System speaks through OpenAI (lib/insights) only with a key, and only for players who opted in.
    OPENAI_API_KEY: optional,
    // Any OpenAI-compatible server (Ollama, LM Studio, a proxy); unset: api.openai.com.
    OPENAI_BASE_URL: optional.pipe(z.url().optional()),
    OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
    // "responses" (OpenAI's Responses API, store:false) or "chat" (Chat Completions, for OpenAI-compatible servers).
    AI_API_STYLE: z.enum(["responses", "chat"]).default("responses"),
    // Model calls a player may cause per System day; past it the built-in voice answers until tomorrow. 0: none.
    AI_DAILY_BUDGET: z.coerce.number().int().min(0).max(1_000).default(20),
    // The longest a player waits for the model, the one retry included; then the built-in voice answers.
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(15_000).default(15_000),
    // Seeds the demo Hunter (a published password) even on a database that is not the embedded one.
    SEED_DEMO: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
    // End-to-end tests only: lets PUT /api/v1/test-clock shift a player's clock.
    TEST_CLOCK: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
    VERCEL_ENV: optional,
  })
  .refine((e) => !(e.TEST_CLOCK && e.VERCEL_ENV === "production"), {
    path: ["TEST_CLOCK"],
    message: "must not be set on a Vercel production deployment",
  })
  // One key alone cannot verify a delivery signed with the other: ask for the missing one by name.
  .refine((e) => !e.QSTASH_CURRENT_SIGNING_KEY || e.QSTASH_NEXT_SIGNING_KEY, {
    path: ["QSTASH_NEXT_SIGNING_KEY"],
    message: "must be set together with QSTASH_CURRENT_SIGNING_KEY",
  })
  .refine((e) => !e.QSTASH_NEXT_SIGNING_KEY || e.QSTASH_CURRENT_SIGNING_KEY, {
    path: ["QSTASH_CURRENT_SIGNING_KEY"],
    message: "must be set together with QSTASH_NEXT_SIGNING_KEY",
  })
  // A key pair without a contact (or the other way round) cannot send: name what is missing.
  .superRefine((e, ctx) => {
    const names = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const;
    if (names.every((name) => e[name] === undefined)) return;
    for (const name of names) {
      if (e[name] === undefined) {
        ctx.addIssue({ code: "custom", path: [name], message: "must be set with the other VAPID_* variables" });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(raw: Record<string, string | undefined>): Env {
  // Blank values (`NAME=` in .env files) mean "not set", so defaults apply.
  const source = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return source[name] === undefined ? `  ${name}: is required but not set` : `  ${name}: ${issue.message}`;
  });
  throw new EnvError(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment. Read lazily so `next build` does not need runtime secrets. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The OAuth providers whose two variables are both set. */
export function configuredOAuthProviders(e: Env): ("github" | "google")[] {
  return [
    ...(e.GITHUB_ID && e.GITHUB_SECRET ? (["github"] as const) : []),
    ...(e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET ? (["google"] as const) : []),
  ];
}

/**
 * Whether this is a Vercel deployment (Vercel sets VERCEL=1 at build and run time). Read on its own, without the
 * full validation, so statically rendered layouts can ask at build time.
 */
export function onVercel(): boolean {
  return process.env.VERCEL === "1";
}
