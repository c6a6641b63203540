// The embedded default database: PGlite served over the Postgres wire protocol by `npm start`.
export const EMBEDDED_PORT = 54320;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres?sslmode=disable`;
