/** The app's own Prometheus series (prom-client's process metrics come on top), as README and the dashboard name them. */
export const APP_SERIES = [
  "http_requests_total",
  "http_request_duration_seconds",
  "quests_completed_total",
  "check_in_replays_total",
  "rollover_settlements_total",
  "penalties_opened_total",
  "redis_fallbacks_total",
  "db_pool_connections_in_use",
  "db_pool_connections_idle",
  "db_pool_waiting_requests",
  "db_pool_connections_max",
];
