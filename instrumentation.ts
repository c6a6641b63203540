// Runs once when a server starts: an invalid environment stops start-up here, naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    if (env().TEST_CLOCK)
      console.warn("[system] TEST_CLOCK=1: players' clocks can be moved. Never use this in production.");
  }
}
