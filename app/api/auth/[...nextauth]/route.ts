import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { logged } from "@/lib/log/request";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so `next build` needs no runtime secrets. Logged under a request id like the API
// (not counted in the metrics: its paths are whatever a client asks for).
const handler = logged(async (request: Request, context: Context): Promise<Response> =>
  NextAuth(authOptions())(request, context),
);

export { handler as GET, handler as POST };
