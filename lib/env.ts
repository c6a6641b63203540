import "server-only";
import { z } from "zod";
import { limitsSchema } from "@/lib/rate-limit/rules";

const optional = z.string().optional();

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
    // Outgoing mail (password reset links): smtp://user:pass@host:587 or smtps://…:465. Unset: links are printed to
    // the server log in development and not sent at all in production.
    SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" }).optional()),
    MAIL_FROM: z.string().default("The System <no-reply@thesystem.local>"),
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
