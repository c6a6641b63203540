import { z } from "zod";

/** docs/rules.md "Limits": what each limit allows. Overridable with RATE_LIMITS (JSON), e.g. for tests. */
export const DEFAULT_LIMITS = {
  signInIp: { limit: 10, windowSeconds: 60 },
  signInEmail: { limit: 5, windowSeconds: 60 },
  signUpIp: { limit: 5, windowSeconds: 3_600 },
  passwordResetEmail: { limit: 3, windowSeconds: 3_600 },
  passwordResetIp: { limit: 10, windowSeconds: 3_600 },
  apiWrite: { limit: 100, windowSeconds: 60 },
  leaderboardRead: { limit: 30, windowSeconds: 60 },
  /** Current-password checks before an email or password change. */
  reauthPlayer: { limit: 5, windowSeconds: 900 },
} as const;

export type LimitName = keyof typeof DEFAULT_LIMITS;

/** The limits counted per player id: a deleted account's counters are dropped with it. */
export const PLAYER_LIMITS = ["apiWrite", "leaderboardRead", "reauthPlayer"] as const satisfies readonly LimitName[];

const ruleSchema = z.strictObject({ limit: z.int().min(1), windowSeconds: z.int().min(1).max(86_400) });

export const limitsSchema = z
  .strictObject(Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((name) => [name, ruleSchema.optional()])))
  .transform((overrides) => ({ ...DEFAULT_LIMITS, ...overrides }) as Record<LimitName, z.infer<typeof ruleSchema>>);

/**
 * When Redis is away: sign-in and sign-up keep limiting in-process (they guard accounts), reads and writes by
 * signed-in players fail open (availability first).
 */
export const WHEN_REDIS_IS_DOWN: Record<LimitName, "local" | "open"> = {
  signInIp: "local",
  signInEmail: "local",
  signUpIp: "local",
  passwordResetEmail: "local",
  passwordResetIp: "local",
  apiWrite: "open",
  leaderboardRead: "open",
  reauthPlayer: "local",
};

/**
 * The client's address from an X-Forwarded-For chain. The server appends the address of the socket it accepted
 * (prisma/server.mjs), so the right-most entry is always true; each trusted proxy in front adds one more entry
 * that can be believed. Counted from the right, never the left-most entry, which the client writes itself.
 */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? "unknown";
}

/** "42 seconds", "5 minutes", "1 hour": how long until a limit lets the caller in again, rounded up. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [n, unit] =
    seconds < 60
      ? [seconds, "second"]
      : seconds < 3_600
        ? [Math.ceil(seconds / 60), "minute"]
        : [Math.ceil(seconds / 3_600), "hour"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
