// The embedded database `npm start` runs when DATABASE_URL is unset (prisma/start.mjs).
export const EMBEDDED_PORT = 54320;
export const embeddedDatabaseUrl = (port = EMBEDDED_PORT) =>
  `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
export const EMBEDDED_DATABASE_URL = embeddedDatabaseUrl();

/** The demo Hunter seeded on the embedded database (prisma/seed.ts); its password is public on purpose. */
export const DEMO = { email: "demo@thesystem.local", password: "arise-shadow-army", hunterName: "Demo Hunter" };
