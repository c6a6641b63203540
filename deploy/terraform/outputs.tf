output "vercel_project_id" {
  description = "The Vercel project."
  value       = vercel_project.app.id
}

output "database_url_direct" {
  description = "Direct (unpooled) connection string, for prisma migrate deploy and pg_dump."
  value       = neon_project.db.connection_uri
  sensitive   = true
}

output "redis_rest_url" {
  description = "The Upstash database's REST URL (not secret)."
  value       = "https://${upstash_redis_database.cache.endpoint}"
}
