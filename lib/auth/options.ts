import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { signInSchema } from "@/lib/accounts/schemas";
import { createPlayerForOAuthUser, verifyCredentials } from "@/lib/accounts/service";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { configuredOAuthProviders, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { enforceSignInLimits } from "@/lib/rate-limit/service";
import { RATE_LIMITED_SIGN_IN } from "@/lib/accounts/schemas";

function oauthProviders(): NextAuthOptions["providers"] {
  const e = env();
  return configuredOAuthProviders(e).map((id) =>
    id === "github"
      ? GitHubProvider({ clientId: e.GITHUB_ID!, clientSecret: e.GITHUB_SECRET! })
      : GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID!, clientSecret: e.GOOGLE_CLIENT_SECRET! }),
  );
}

declare module "next-auth" {
  interface Session {
    /** User.sessionVersion when this session was issued: an older one than the stored value is refused. */
    sessionVersion?: number;
    /** This browser's Session row (lib/auth/sessions.ts): signing out deletes it. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    sid?: string;
  }
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    // @auth/prisma-adapter is typed against @auth/core; its runtime contract is the one next-auth v4 calls.
    adapter: PrismaAdapter(db) as Adapter,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // next-auth's own errors and warnings, as JSON lines under the request's id (redacted like every line).
    logger: {
      error: (code, metadata) =>
        logger().error({ err: metadata instanceof Error ? metadata : metadata.error, code }, `next-auth: ${code}`),
      warn: (code) => logger().warn({ code }, `next-auth: ${code}`),
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
          if (!parsed.success) return null;
          try {
            await enforceSignInLimits(new Headers(request.headers as Record<string, string>), parsed.data.email);
          } catch (error) {
            // next-auth hands this message to the sign-in form as result.error.
            if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(RATE_LIMITED_SIGN_IN);
            throw error;
          }
          const userId = await verifyCredentials(parsed.data.email, parsed.data.password);
          return userId ? { id: userId } : null;
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      // The account's session version at sign-in and this browser's session row travel in the JWT; "sign out
      // everywhere" bumps the stored version and deletes the rows, signing out deletes this one.
      async jwt({ token, user }) {
        if (user) {
          const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
          token.sessionVersion = row?.sessionVersion ?? 0;
          token.sid = await startSession(user.id, new Date());
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user = { ...session.user, id: token.sub };
        session.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
        if (typeof token.sid === "string") session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
      async createUser({ user }) {
        await createPlayerForOAuthUser(user.id, user.name ?? null);
      },
    },
  };
  return cached;
}

export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}
