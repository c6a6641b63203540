// A redis-server of the test's own, behind its own Upstash-compatible endpoint, so a test may stop it, freeze it
// (SIGSTOP) or restart it empty without touching the shared Redis other tests use. Only this process is signalled.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { startUpstashProxy } from "@/tests/support/upstash-proxy.mjs";

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export type OwnRedis = {
  url: string;
  token: string;
  /** Stops redis-server (its data is gone: it keeps none on disk). */
  stop(): Promise<void>;
  /** Starts a new, empty redis-server on the same port. */
  start(): Promise<void>;
  /** The app loses its way to Redis (the endpoint refuses connections) while Redis keeps its data. */
  partition(): Promise<void>;
  heal(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing answers (commands sent meanwhile run on SIGCONT). */
  freeze(): void;
  /** SIGCONT: the frozen server answers again, its data intact. */
  thaw(): void;
  close(): Promise<void>;
};

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let server: ChildProcess | null = null;
  const start = async () => {
    const child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    let failed: Error | null = null;
    child.once("error", (error) => (failed = error));
    server = child;
    for (let i = 0; i < 100 && !failed && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
    if (failed) throw new Error(`redis-server could not start (${String(failed)}): apt-get install redis-server`);
  };
  const stop = async () => {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null) return;
    running.kill("SIGCONT");
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  };
  await start();
  const endpoint = { redisUrl: `redis://127.0.0.1:${port}`, token: "own-redis-token", port: await freePort() };
  let proxy: Awaited<ReturnType<typeof startUpstashProxy>> | null = await startUpstashProxy(endpoint);
  const url = proxy.url;
  return {
    url,
    token: endpoint.token,
    stop,
    start,
    partition: async () => {
      await proxy?.close();
      proxy = null;
    },
    heal: async () => {
      proxy ??= await startUpstashProxy(endpoint);
    },
    freeze: () => void server?.kill("SIGSTOP"),
    thaw: () => void server?.kill("SIGCONT"),
    close: async () => {
      await stop();
      await proxy?.close();
    },
  };
}
