export function startUpstashProxy(options: {
  redisUrl?: string;
  token: string;
  port?: number;
}): Promise<{ url: string; token: string; close: () => Promise<void> }>;
