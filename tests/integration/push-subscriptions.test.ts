// POST/GET/DELETE /api/v1/push/subscriptions, GET /api/v1/push/key and the inbox routes, through their real handlers:
// the SSRF guard on endpoints, devices per Hunter, another Hunter's device being a 404, and the inbox's events.
import webpush from "web-push";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as inboxRoute } from "@/app/api/v1/inbox/route";
import { POST as markReadRoute } from "@/app/api/v1/inbox/read/route";
import { GET as keyRoute } from "@/app/api/v1/push/key/route";
import { DELETE as deleteDeviceRoute } from "@/app/api/v1/push/subscriptions/[id]/route";
import { DELETE, GET, POST } from "@/app/api/v1/push/subscriptions/route";
import { db } from "@/lib/db";
import { runNotifications } from "@/lib/notifications/cron";
import { MAX_DEVICES } from "@/lib/notifications/rules";
import { changeJob } from "@/lib/player/service";
import { makePlayer, makeQuest } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

const LOCAL_PUSH = "http://127.0.0.1:9";
const keys = webpush.generateVAPIDKeys();

beforeAll(() => {
  Object.assign(process.env, {
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: "https://thesystem.app/contact",
    PUSH_ALLOWED_ORIGINS: LOCAL_PUSH,
  });
});

/** A subscription as a browser's toJSON() gives it, on a push service of its choosing. */
function subscription(endpoint: string) {
  const ecdh = webpush.generateVAPIDKeys(); // any P-256 public key will do as p256dh
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.publicKey, auth: "AAAAAAAAAAAAAAAAAAAAAA" } };
}

async function hunter() {
  const player = await makePlayer();
  return { ...player, token: await tokenFor(player) };
}

const post = (token: string, body: unknown) =>
  call(POST, { method: "POST", token, body, path: "/api/v1/push/subscriptions" });

describe("push subscriptions", () => {
  it("serves the VAPID public key without sign-in", async () => {
    expect(await (await call(keyRoute)).json()).toEqual({ publicKey: keys.publicKey });
  });

  it("stores a device (201), refreshes it when sent again (200) and lists it", async () => {
    const me = await hunter();
    const fcm = subscription("https://fcm.googleapis.com/fcm/send/abc:def");
    const created = await post(me.token, fcm);
    expect(created.status).toBe(201);
    const { device } = (await created.json()) as { device: { id: string; device: string } };
    expect(device.device).toBe("Unknown browser");
    expect((await post(me.token, { ...fcm, keys: subscription("x").keys })).status).toBe(200);
    const list = (await (await call(GET, { token: me.token })).json()) as { devices: { id: string }[] };
    expect(list.devices.map((d) => d.id)).toEqual([device.id]);
  });

  const refused = [
    { name: "an http endpoint on a push service host", endpoint: "http://fcm.googleapis.com/fcm/send/x" },
    { name: "an endpoint inside the network", endpoint: "https://10.0.0.1/push" },
    { name: "a look-alike host", endpoint: "https://fcm.googleapis.com.evil.example/x" },
    { name: "credentials in the URL", endpoint: "https://user:pass@fcm.googleapis.com/fcm/send/x" },
    { name: "another port on a push service", endpoint: "https://fcm.googleapis.com:8443/x" },
    { name: "a local port not allowed", endpoint: "http://127.0.0.1:10/push" },
  ];
  for (const { name, endpoint } of refused) {
    it(`refuses ${name} with 422, storing nothing`, async () => {
      const me = await hunter();
      const response = await post(me.token, subscription(endpoint));
      expect(response.status).toBe(422);
      expect(await db.pushSubscription.count({ where: { playerId: me.playerId } })).toBe(0);
    });
  }

  it("accepts every known push service and the allowed local origin", async () => {
    const me = await hunter();
    for (const endpoint of [
      "https://updates.push.services.mozilla.com/wpush/v2/x",
      "https://web.push.apple.com/QGx",
      "https://wns2-par02p.notify.windows.com/w/?token=x",
      `${LOCAL_PUSH}/push/1`,
    ]) {
      expect((await post(me.token, subscription(endpoint))).status).toBe(201);
    }
  });

  it("refuses malformed keys with 422", async () => {
    const me = await hunter();
    const good = subscription("https://fcm.googleapis.com/fcm/send/k");
    for (const bad of [
      { ...good, keys: { ...good.keys, p256dh: "short" } },
      { ...good, keys: { ...good.keys, auth: "AAAA" } },
      { ...good, keys: { p256dh: good.keys.p256dh } },
      { ...good, extra: 1 },
    ]) {
      expect((await post(me.token, bad)).status).toBe(422);
    }
  });

  it(`keeps ${MAX_DEVICES} devices, dropping the one not seen for longest`, async () => {
    const me = await hunter();
    for (let i = 0; i <= MAX_DEVICES; i++) {
      await post(me.token, subscription(`https://fcm.googleapis.com/fcm/send/cap-${me.playerId}-${i}`));
    }
    const endpoints = (await db.pushSubscription.findMany({ where: { playerId: me.playerId } })).map((d) => d.endpoint);
    expect(endpoints).toHaveLength(MAX_DEVICES);
    expect(endpoints).not.toContain(`https://fcm.googleapis.com/fcm/send/cap-${me.playerId}-0`);
  });

  it("moves a browser's endpoint to the Hunter now signed in there; another's device is a 404 to delete", async () => {
    const first = await hunter();
    const second = await hunter();
    const shared = subscription(`https://fcm.googleapis.com/fcm/send/shared-${first.playerId}`);
    const { device } = (await (await post(first.token, shared)).json()) as { device: { id: string } };
    await post(second.token, shared);
    expect(await db.pushSubscription.findUnique({ where: { endpoint: shared.endpoint } })).toMatchObject({
      playerId: second.playerId,
    });
    const remove = (token: string) => call(deleteDeviceRoute, { method: "DELETE", token, params: { id: device.id } });
    expect((await remove(first.token)).status).toBe(404);
    expect((await remove(second.token)).status).toBe(204);
    expect(
      (await call(DELETE, { method: "DELETE", token: second.token, body: { endpoint: shared.endpoint } })).status,
    ).toBe(404);
  });

  it("forgets this browser's subscription by its endpoint", async () => {
    const me = await hunter();
    const mine = subscription(`https://fcm.googleapis.com/fcm/send/mine-${me.playerId}`);
    await post(me.token, mine);
    const response = await call(DELETE, { method: "DELETE", token: me.token, body: { endpoint: mine.endpoint } });
    expect(response.status).toBe(204);
    expect(await db.pushSubscription.count({ where: { playerId: me.playerId } })).toBe(0);
  });
});

describe("the inbox", () => {
  type Inbox = { unread: number; items: { id: string; title: string; url: string; read: boolean }[] };
  const inbox = async (token: string) => (await (await call(inboxRoute, { token })).json()) as Inbox;

  it("shows achievements as they unlock, counts the unread and marks them read", async () => {
    const me = await hunter();
    expect(await inbox(me.token)).toEqual({ unread: 0, items: [] });
    await changeJob(me.playerId, "MAGE", new Date()); // unlocks The Awakened
    await makeQuest(me.playerId, {}, new Date()); // the first quest of their own: Quest Giver
    const before = await inbox(me.token);
    expect(before.unread).toBe(2);
    expect(before.items.map((i) => i.title).sort()).toEqual([
      "[SYSTEM] Achievement unlocked: Quest Giver",
      "[SYSTEM] Achievement unlocked: The Awakened",
    ]);
    expect(before.items.every((i) => i.url === "/achievements" && !i.read)).toBe(true);

    const one = before.items[0]!.id;
    const read = await call(markReadRoute, { method: "POST", token: me.token, body: { ids: [one] } });
    expect(await read.json()).toEqual({ unread: 1 });
    await call(markReadRoute, { method: "POST", token: me.token, body: { all: true } });
    expect((await inbox(me.token)).unread).toBe(0);
    // A second read brings in nothing twice.
    expect((await inbox(me.token)).items).toHaveLength(2);
  });

  it("marks only the caller's items; bad input is a 422", async () => {
    const me = await hunter();
    const other = await hunter();
    await changeJob(other.playerId, "TANK", new Date());
    const theirs = (await inbox(other.token)).items.map((i) => i.id);
    await call(markReadRoute, { method: "POST", token: me.token, body: { ids: theirs } });
    expect((await inbox(other.token)).unread).toBe(theirs.length);
    for (const body of [{}, { all: false }, { ids: [] }, { ids: ["x"], all: true }]) {
      expect((await call(markReadRoute, { method: "POST", token: me.token, body })).status).toBe(422);
    }
  });

  it("brings the tick's recent events in too, deciding once whether each is pushed", async () => {
    const me = await hunter();
    await changeJob(me.playerId, "ASSASSIN", new Date());
    await makeQuest(me.playerId, {}, new Date());
    await runNotifications({ timeoutMs: 500 });
    const rows = await db.notification.findMany({ where: { playerId: me.playerId, inbox: true } });
    expect(rows).toHaveLength(2);
    // No device and pushes for achievements off by default: decided, nothing queued.
    expect(rows.every((row) => row.pushDecided && row.pushUntil === null)).toBe(true);
  });
});
