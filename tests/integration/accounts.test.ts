import { describe, expect, it } from "vitest";
import {
  changeEmail,
  changePassword,
  createAccount,
  createPlayerForOAuthUser,
  getAccount,
  verifyCredentials,
} from "@/lib/accounts/service";
import { updatePlayer } from "@/lib/player/service";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EPOCH, makeSignUp } from "@/tests/support/factories";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function counts() {
  return { users: await db.user.count(), players: await db.player.count() };
}

describe("createAccount", () => {
  it.each([
    ["a top common password", "password123"],
    ["a keyboard walk", "qwertyuiop"],
    ["a common phrase", "iloveyou12"],
    ["the email itself", "strength-test@example.com"],
    ["the email's name", "strength-test"],
  ])("refuses %s as a password and writes nothing", async (_name, password) => {
    const input = makeSignUp({ email: "strength-test@example.com", password });
    const error = await rejection(createAccount(input));
    expect(error.fieldErrors?.password).toMatch(/^This password is too easy to guess/);
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("treats look-alike and full-width hunter names as taken (NFKC and confusable folding)", async () => {
    const id = Math.random().toString(36).slice(2, 8);
    await createAccount(makeSignUp({ hunterName: `Demo ${id}` }));
    for (const name of [`D\u0435mo ${id}`, `\uFF24\uFF25\uFF2D\uFF2F ${id}`, `DEM\u041E ${id}`]) {
      const error = await rejection(createAccount(makeSignUp({ hunterName: name })));
      expect(error.code).toBe("CONFLICT");
      expect(error.fieldErrors?.hunterName).toBe("This hunter name is taken");
    }
  });

  it("creates a user and their Hunter with an argon2id password hash", async () => {
    const input = makeSignUp({ email: "Mixed.Case@Example.com" });
    const account = await createAccount(input);

    const user = await db.user.findUniqueOrThrow({ where: { id: account.userId }, include: { player: true } });
    expect(user.email).toBe("mixed.case@example.com");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    // At or above OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
    const [, memory, passes, lanes] = /\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(user.passwordHash ?? "")!.map(Number);
    expect(memory).toBeGreaterThanOrEqual(19_456);
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(lanes).toBeGreaterThanOrEqual(1);
    expect(user.passwordHash).not.toContain(input.password);
    expect(user.player).toMatchObject({ hunterName: input.hunterName, timeZone: "Europe/London", dayStartMinute: 0 });
  });

  it.each([
    [
      "a duplicate email, whatever its case",
      (first: { email: string }) => ({ email: first.email.toUpperCase() }),
      "email",
    ],
    [
      "a duplicate hunter name, whatever its case",
      (first: { hunterName: string }) => ({ hunterName: first.hunterName.toUpperCase() }),
      "hunterName",
    ],
  ] as const)("rejects %s and writes nothing", async (_, clash, field) => {
    const first = makeSignUp();
    await createAccount(first);
    const before = await counts();

    const error = await rejection(createAccount(makeSignUp(clash(first))));
    expect(error.code).toBe("CONFLICT");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["password under 10 characters", { password: "123456789" }, "password"],
    ["malformed email", { email: "hunter@" }, "email"],
    ["empty hunter name", { hunterName: "" }, "hunterName"],
    ["empty email", { email: "" }, "email"],
  ] as const)("rejects a %s with a field error and writes nothing", async (_, override, field) => {
    const before = await counts();
    const error = await rejection(createAccount(makeSignUp(override)));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldErrors?.[field]).toBeTypeOf("string");
    expect(await counts()).toEqual(before);
  });

  it("lets exactly one of two simultaneous sign-ups with the same email through", async () => {
    const email = makeSignUp().email;
    const results = await Promise.allSettled([
      createAccount(makeSignUp({ email })),
      createAccount(makeSignUp({ email })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected");
    expect(failure?.status === "rejected" && failure.reason).toBeInstanceOf(AppError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password and rejects a wrong one or an unknown email", async () => {
    const input = makeSignUp();
    const { userId } = await createAccount(input);
    expect(await verifyCredentials(` ${input.email.toUpperCase()} `, input.password)).toBe(userId);
    expect(await verifyCredentials(input.email, "wrong-password-entirely")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", input.password)).toBeNull();
  });
});

describe("account changes in settings", () => {
  it("renames the Hunter, refusing a look-alike of a taken name and changing nothing", async () => {
    const id = Math.random().toString(36).slice(2, 8);
    await createAccount(makeSignUp({ hunterName: `Taken ${id}` }));
    const { playerId } = await createAccount(makeSignUp());
    const error = await rejection(updatePlayer(playerId, { hunterName: `T\u0430ken ${id}` }, EPOCH));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.hunterName).toBe("That hunter name is taken");
    await updatePlayer(playerId, { hunterName: `Renamed ${id}` }, EPOCH);
    const player = await db.player.findUniqueOrThrow({ where: { id: playerId } });
    expect(player).toMatchObject({ hunterName: `Renamed ${id}`, hunterNameKey: `renamed ${id}` });
  });

  it("changes the email only after the current password, and never to one that is taken", async () => {
    const other = makeSignUp();
    await createAccount(other);
    const input = makeSignUp();
    const { playerId } = await createAccount(input);
    const fresh = `moved-${Math.random().toString(36).slice(2, 8)}@example.com`;

    const wrong = await rejection(changeEmail(playerId, { email: fresh, currentPassword: "not-my-password" }));
    expect(wrong.fieldErrors).toEqual({ currentPassword: "That is not your current password" });
    const taken = await rejection(changeEmail(playerId, { email: other.email, currentPassword: input.password }));
    expect(taken.code).toBe("CONFLICT");
    expect((await getAccount(playerId)).email).toBe(input.email);

    await changeEmail(playerId, { email: fresh, currentPassword: input.password });
    expect(await getAccount(playerId)).toEqual({ email: fresh, hasPassword: true });
    expect(await verifyCredentials(fresh, input.password)).not.toBeNull();
  });

  it("changes the password after the current one, refuses a weak one, and ends every session", async () => {
    const input = makeSignUp();
    const { playerId, userId } = await createAccount(input);
    const weak = await rejection(
      changePassword(playerId, { currentPassword: input.password, newPassword: "password123" }),
    );
    expect(weak.fieldErrors?.newPassword).toMatch(/^This password is too easy to guess/);
    const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });

    await changePassword(playerId, { currentPassword: input.password, newPassword: "violet-anchor-tundra-42" });
    expect(await verifyCredentials(input.email, input.password)).toBeNull();
    expect(await verifyCredentials(input.email, "violet-anchor-tundra-42")).toBe(userId);
    const after = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it("limits current-password checks to 5 a quarter hour per Hunter", async () => {
    const input = makeSignUp();
    const { playerId } = await createAccount(input);
    for (let i = 0; i < 5; i++) {
      await rejection(changeEmail(playerId, { email: input.email, currentPassword: `wrong-${i}` }));
    }
    const limited = await rejection(changeEmail(playerId, { email: input.email, currentPassword: input.password }));
    expect(limited.code).toBe("RATE_LIMITED");
  });

  it("tells a GitHub or Google account without a password how to set one", async () => {
    const user = await db.user.create({ data: { email: `oauth-${Math.random().toString(36).slice(2)}@example.com` } });
    await createPlayerForOAuthUser(user.id, "Octo");
    const { id: playerId } = await db.player.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await getAccount(playerId)).toEqual({ email: user.email, hasPassword: false });
    const error = await rejection(
      changeEmail(playerId, { email: "x@example.com", currentPassword: "anything-at-all" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.currentPassword).toMatch(/Forgot password/);
  });
});
