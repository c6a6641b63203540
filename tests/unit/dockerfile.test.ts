// The Dockerfile's invariants, checked on the parsed file (dockerfile-ast) after the dockerfile-utils linter.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { validate } from "dockerfile-utils";
import { describe, expect, it, vi } from "vitest";
import {
  copiesFrom,
  dockerfileText,
  finalStage,
  healthcheckCommand,
  instructionsOf,
  root,
  stages,
} from "@/tests/support/dockerfile";
import { SERVER_NODE_FLAGS } from "@/prisma/node-flags.mjs";

const argsOf = (stage: (typeof stages)[number], keyword: string) =>
  instructionsOf(stage, keyword).map((i) => i.getArgumentsContent() ?? "");

describe("Dockerfile", () => {
  it("passes the dockerfile-utils linter with no problem at all", () => {
    expect(validate(dockerfileText).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it("runs the server with the Node flags `npm start` gives it (prisma/node-flags.mjs)", () => {
    const options = argsOf(finalStage, "ENV")
      .join(" ")
      .split(/\s+/)
      .find((pair) => pair.startsWith("NODE_OPTIONS="));
    expect(options?.slice("NODE_OPTIONS=".length)).toBe(SERVER_NODE_FLAGS.join(" "));
  });

  it("pins every base image to an exact version or a digest", () => {
    const external = stages.filter((stage) => !stages.some((s) => s.name === stage.image));
    expect(external.length).toBeGreaterThan(0);
    for (const { image } of external) {
      expect(image, image).toMatch(/(@sha256:[0-9a-f]{64}$)|(^[^:@]+:\d+\.\d+\.\d+[\w.-]*(@sha256:[0-9a-f]{64})?$)/);
    }
  });

  it("runs the app as a non-root user, in production mode, with a curl-free healthcheck on /api/health", () => {
    const users = argsOf(finalStage, "USER");
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(argsOf(finalStage, "ENV").join(" ")).toMatch(/(^|\s)NODE_ENV=production(\s|$)/);
    const command = healthcheckCommand();
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/api/health");
    const everyInstruction = stages.flatMap((s) => s.instructions.map((i) => i.toString())).join("\n");
    expect(everyInstruction).not.toMatch(/\b(curl|wget)\b/);
    expect(instructionsOf(finalStage, "CMD").map((c) => c.getArgumentsContent())).toEqual(['["node", "server.js"]']);
  });

  it("ships only the standalone server, its static files and public/: no dev dependencies, no sources", () => {
    expect(copiesFrom(finalStage)).toEqual([
      { from: "builder", source: ".next/standalone", destination: "" },
      { from: "builder", source: ".next/static", destination: ".next/static" },
      { from: "builder", source: "public", destination: "public" },
    ]);
    // Nothing from the build context itself reaches the final image.
    expect(instructionsOf(finalStage, "COPY").every((c) => /--from=/.test(c.toString()))).toBe(true);
    const builder = stages.find((s) => s.name === "builder")!;
    expect(argsOf(builder, "RUN").join("\n")).toMatch(/NEXT_OUTPUT_STANDALONE=1 npm run build/);
  });

  it("migrates in a separate one-off stage, never in the app's start", () => {
    const migrate = stages.find((s) => s.name === "migrate");
    expect(migrate).toBeDefined();
    expect(argsOf(migrate!, "CMD").join(" ")).toMatch(/prisma.*"migrate", "deploy"/);
    expect(argsOf(migrate!, "USER").at(-1)).not.toMatch(/^(root|0)(:|$)/);
    // The migration job's node_modules are the production ones (npm ci --omit=dev).
    expect(copiesFrom(migrate!)).toEqual([{ from: "prod-deps", source: "node_modules", destination: "node_modules" }]);
    expect(
      argsOf(
        stages.find((s) => s.name === "prod-deps")!,
        "RUN",
      ).join(" "),
    ).toContain("--omit=dev");
    expect(finalStage.instructions.map((i) => i.toString()).join("\n")).not.toMatch(/prisma|migrate/);
  });

  it("fetches nothing with ADD and bakes in no secret", () => {
    expect(instructionsOf(finalStage, "ADD")).toEqual([]);
    expect(dockerfileText).not.toMatch(/^\s*ADD\s+(--\S+\s+)*https?:/im);
    const declared = stages.flatMap((s) => [...argsOf(s, "ENV"), ...argsOf(s, "ARG")]).join(" ");
    expect(declared).not.toMatch(/(SECRET|TOKEN|PASSWORD|KEY|DATABASE_URL)\w*=/i);
  });
});

describe(".dockerignore", () => {
  const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it("keeps secrets, local data, builds and dependencies out of the build context", () => {
    expect(ignored).toEqual(expect.arrayContaining([".env", ".env.*", ".data", ".next", "node_modules", ".git"]));
    expect(ignored.some((line) => line.startsWith("!"))).toBe(false);
  });

  it("keeps every source the build type-checks (next build checks every .ts file tsconfig includes)", () => {
    const generated = new Set([".git", "node_modules", ".next", ".data", "lib/generated", "test-results", "coverage"]);
    for (const entry of ignored.filter((line) => !generated.has(line) && !/[*?]/.test(line))) {
      const dir = path.join(root, entry);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      const sources = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
        /\.(ts|tsx|mts|mjs)$/.test(f),
      );
      expect(sources, entry).toEqual([]);
    }
  });
});

describe("next.config.ts", () => {
  async function load(flag: string | undefined) {
    vi.resetModules();
    vi.stubEnv("NEXT_OUTPUT_STANDALONE", flag);
    try {
      return (await import("@/next.config")).default;
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it("builds the standalone server only when NEXT_OUTPUT_STANDALONE=1", async () => {
    expect((await load(undefined)).output).toBeUndefined();
    expect((await load("1")).output).toBe("standalone");
    expect((await load("1")).outputFileTracingRoot).toBe(root);
  });
});
