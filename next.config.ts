import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// `NEXT_OUTPUT_STANDALONE=1 npm run build` emits .next/standalone, the self-contained server the Dockerfile ships.
// Off by default, so `next start` (npm start, e2e, Vercel) runs without its "use the standalone server" warning.
// The tracing root is this directory, so server.js sits at the top of the output wherever the checkout lives.
const standalone =
  process.env.NEXT_OUTPUT_STANDALONE === "1"
    ? { output: "standalone" as const, outputFileTracingRoot: import.meta.dirname }
    : {};

const nextConfig: NextConfig = {
  ...standalone,
  poweredByHeader: false,
  typedRoutes: true,
  // Native and engine-adjacent packages are loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
