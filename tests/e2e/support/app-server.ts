// A second instance of the built app, for tests that need settings the shared e2e server cannot have: the default
// rate limits, or a database that is not there. Served by prisma/server.mjs, exactly as `npm start` serves it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { E2E_BASE_URL } from "../../support/browser.mjs";
import { e2eDatabaseUrl } from "../../support/e2e-database.mjs";

/** `output()`: everything the server wrote to stdout so far (its JSON log lines). */
export type AppServer = { url: string; output: () => string; stop: () => Promise<void> };

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

/** Starts the app on a free port with the e2e database (already migrated) unless `env` says otherwise. */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.resolve("prisma/server.mjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      DATABASE_URL: e2eDatabaseUrl(new URL(E2E_BASE_URL).port),
      RATE_LIMITS: "{}",
      TEST_CLOCK: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stdout: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  const output = () => Buffer.concat(stdout).toString();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (up) return { url, output, stop: async () => void (child.kill("SIGTERM"), await exited) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`The app did not start on ${url}`);
}
