#!/usr/bin/env node
// The HTTP server behind `npm start` / `npm run dev` (started by prisma/start.mjs): Next.js's own request handler
// with one addition. `next start` keeps an X-Forwarded-For the client wrote and only fills it in when absent, so
// the app could never tell the socket's address from a forged one. Here, like every proxy, the server appends the
// address it accepted the connection from: the right-most entry is always true (lib/rate-limit/rules.ts).
import http from "node:http";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// As `next start` / `next dev` do, before Next is loaded.
process.env.NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");

const app = next({ dev, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  void handle(request, response);
});
// An idle kept-alive connection stays open longer than the clients and proxies in front reuse one (a load
// balancer's 60 s idle timeout, a browser's or a test client's pool): with Node's 5 s default, a request sent on a
// connection just as the server closed it fails with ECONNRESET (a proxy answers 502).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, () => console.log(`[server] Ready on http://localhost:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
