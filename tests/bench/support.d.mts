import type { ChildProcess } from "node:child_process";

export const root: string;
export const serverUrl: string;
export const PLAYER_LIMITS: string[];
export function sleep(ms: number): Promise<void>;
export function freePort(): Promise<number>;
export function appEnv(
  databaseUrl: string,
  extra?: Record<string, string>,
  unlimited?: readonly string[],
): NodeJS.ProcessEnv;
export function percentile(sorted: readonly number[], p: number): number;
export function benchDatabase(name: string, admin?: string): Promise<{ url: string; drop(): Promise<void> }>;
export function startApp(
  env: NodeJS.ProcessEnv,
  port?: number,
): Promise<{ base: string; pid: number; child: ChildProcess }>;
export function usage(pid: number): { cpu: number; rss: number };
export function load(
  options: {
    url: string;
    connections: number;
    method?: string;
    headersFor: (client: number) => Record<string, string>;
    bodyFor?: (client: number, request: number) => string;
    pathFor?: (client: number) => string;
  } & ({ duration: number; amount?: undefined } | { amount: number; duration?: undefined }),
): Promise<{ requests: number; rps: number; latencies: number[]; errors: number }>;
export function json(url: string, init?: RequestInit): Promise<unknown>;
export function awakenedHunter(
  base: string,
  hunter: { email: string; hunterName: string; job: string },
): Promise<{
  account: { email: string; password: string; hunterName: string; timeZone: string };
  auth: { authorization: string };
}>;
export function seedBoards(env: NodeJS.ProcessEnv, count: number): Promise<void>;
export function runAppHere(databaseUrl: string, extra?: Record<string, string>): void;
