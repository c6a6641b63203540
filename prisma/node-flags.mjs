// The Node flags the production server runs with (`npm start` here; the Dockerfile and a Vercel project set the same
// in NODE_OPTIONS, docs/operations.md). A request allocates a few hundred kB that die young; with V8's default 16 MB
// young generation a server under load spends 5–6 % of its CPU in scavenges, with 64 MB 2 % (#16, profiled with
// `node --cpu-prof` under 50 concurrent check-ins), and its resident memory did not grow (≈ 600 MB either way).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
