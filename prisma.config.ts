import path from "node:path";
import { defineConfig } from "prisma/config";
import { EMBEDDED_DATABASE_URL } from "./prisma/embedded.mjs";

// The Prisma CLI normally downloads a native schema engine; this project serves it the same engine compiled to
// WebAssembly instead, so migrations work offline and identically on laptops, CI and Vercel builds.
// Point PRISMA_SCHEMA_ENGINE_BINARY elsewhere to use a native engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: {
    // Without DATABASE_URL the CLI talks to the embedded database that `npm start` runs.
    url: process.env.DATABASE_URL || EMBEDDED_DATABASE_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
