// Runs in each integration worker before any test module: points lib/env at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = String(inject("databasePoolMax"));
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
