export const E2E_BASE_URL: string;
export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: string[];
export function sessionCookie(base: string, email: string, password: string): Promise<string>;
