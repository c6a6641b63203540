// Runs once when a server starts: an invalid environment stops start-up here, naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
  }
}
