// The database of one e2e run: `thesystem_e2e_<port>` on DATABASE_URL's server, so two runs never share one.
export const E2E_SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function e2eDatabaseUrl(port) {
  const url = new URL(E2E_SERVER_URL);
  url.pathname = `/thesystem_e2e_${port}`;
  return url.toString();
}
