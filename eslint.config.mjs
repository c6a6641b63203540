import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The domain layer, lowest first (docs/architecture.md): a folder imports only folders before it. Server Actions
 * (`actions.ts`) are the app's edge, like route handlers, and may call any feature's services.
 */
const FEATURES = [
  "time",
  "progression",
  "ledger",
  "achievements",
  "quests",
  "penalties",
  "days",
  "check-ins",
  "leaderboard",
  "accounts",
  "tokens",
  "player",
  "shop",
  "export",
  "notifications",
  // The System speaks: reads every feature above, and only the edge (the tick, routes, pages, actions) calls it.
  "insights",
  // Features on top: they read the ones below; none below reads them.
  "imports",
  "stats",
  // The edge: how a request reaches the features.
  "auth",
  "api",
  "cron",
];
/** Infrastructure: `lib/*.ts` and these folders. It serves the features and imports none of them. */
const INFRASTRUCTURE = ["store", "metrics", "log", "security", "rate-limit", "mail", "health", "generated"];

const layerZones = FEATURES.flatMap((feature, i) =>
  FEATURES.slice(i + 1).map((above) => ({
    target: `./lib/${feature}/!(actions).ts`,
    from: `./lib/${above}`,
    message: `lib/${feature} sits below lib/${above} (docs/architecture.md): move the shared piece down instead.`,
  })),
);
const infrastructureZones = [...INFRASTRUCTURE.map((folder) => `./lib/${folder}/**`), "./lib/*.ts"].map((target) => ({
  target,
  from: FEATURES.map((feature) => `./lib/${feature}`),
  message: "Infrastructure imports no feature (docs/architecture.md).",
}));

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["lib/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "import/no-cycle": "error",
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            ...layerZones,
            ...infrastructureZones,
            {
              target: ["./app", "./components"],
              from: ["./lib/db.ts", "./lib/generated"],
              message: "Pages and components read through lib/<feature>/queries.ts, never the database directly.",
            },
          ],
        },
      ],
    },
  },
  {
    // Rules are pure: other rules, schemas and the time rules only (no database, no clock, no environment).
    files: ["lib/**/rules.ts", "lib/quests/today.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/(?!time/rules$|time/schemas$|[a-z-]+/(rules|schemas|today)$)",
              message: "A rules module imports only rules, schemas and time (docs/architecture.md).",
            },
            { regex: "^(server-only|node:.*|next/.*)$", message: "Rules are pure and run anywhere." },
          ],
        },
      ],
    },
  },
];

export default config;
