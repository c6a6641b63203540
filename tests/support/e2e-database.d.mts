export const E2E_SERVER_URL: string;
export function e2eDatabaseUrl(port: string | number): string;
