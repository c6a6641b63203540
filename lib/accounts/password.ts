import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet: 19 MiB, 2 passes, 1 lane), stated
 * here rather than left to the library's defaults. Verification reads the parameters from each stored hash.
 */
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps sign-in timing from revealing which
// emails have accounts.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("not-a-real-password-decoy");
  await verifyPassword(await decoyHash, password);
  return false;
}
