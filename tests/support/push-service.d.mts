export type PushSubscriptionJson = {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
};

export type ReceivedPush = {
  endpoint: string;
  ttl: number;
  topic?: string;
  urgency?: string;
  claims: { aud: string; exp: number; sub: string };
  vapidPublicKey: string;
  payload: {
    id: string;
    title: string;
    body: string;
    url: string;
    tag: string;
    checkIn?: {
      questId: string;
      questTitle: string;
      day: string;
      dayStart: string;
      dayEnd: string;
      idempotencyKey: string;
    };
  };
};

export type PushAnswer = { status: number; retryAfter?: number; delayMs?: number };

export type PushService = {
  origin: string;
  messages: ReceivedPush[];
  rejected: { id: string; reason: string }[];
  requests: { id: string; at: number; status: number }[];
  subscription(): PushSubscriptionJson;
  respond(endpoint: string, ...answers: PushAnswer[]): void;
  to(endpoint: string): ReceivedPush[];
  close(): Promise<void>;
};

export function startPushService(options?: { port?: number }): Promise<PushService>;
