resource "neon_project" "db" {
  name       = var.project_name
  region_id  = var.neon_region
  pg_version = 17
}

resource "upstash_redis_database" "cache" {
  database_name  = var.project_name
  region         = "global"
  primary_region = var.upstash_region
  tls            = true
}

resource "vercel_project" "app" {
  name      = var.project_name
  framework = "nextjs"

  git_repository = {
    type = "github"
    repo = var.github_repo
  }
}

# What lib/env.ts needs in production, one resource per variable (tests/unit/terraform.test.ts checks the list
# against its schema). Production only: give preview deployments their own database (e.g. Vercel's Neon
# integration, a branch per preview) rather than production's.
resource "vercel_project_environment_variable" "database_url" {
  project_id = vercel_project.app.id
  key        = "DATABASE_URL"
  # Serverless functions connect through Neon's pooler.
  value     = neon_project.db.connection_uri_pooler
  target    = ["production"]
  sensitive = true
}

resource "vercel_project_environment_variable" "database_pool_max" {
  project_id = vercel_project.app.id
  key        = "DATABASE_POOL_MAX"
  value      = "3"
  target     = ["production"]
  sensitive  = false
}

resource "vercel_project_environment_variable" "nextauth_secret" {
  project_id = vercel_project.app.id
  key        = "NEXTAUTH_SECRET"
  value      = var.nextauth_secret
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "nextauth_url" {
  project_id = vercel_project.app.id
  key        = "NEXTAUTH_URL"
  value      = var.app_url
  target     = ["production"]
  sensitive  = false
}

resource "vercel_project_environment_variable" "cron_secret" {
  project_id = vercel_project.app.id
  key        = "CRON_SECRET"
  value      = var.cron_secret
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "upstash_redis_rest_url" {
  project_id = vercel_project.app.id
  key        = "UPSTASH_REDIS_REST_URL"
  value      = "https://${upstash_redis_database.cache.endpoint}"
  target     = ["production"]
  sensitive  = false
}

resource "vercel_project_environment_variable" "upstash_redis_rest_token" {
  project_id = vercel_project.app.id
  key        = "UPSTASH_REDIS_REST_TOKEN"
  value      = upstash_redis_database.cache.rest_token
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "qstash_current_signing_key" {
  count      = var.qstash_signing_keys == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "QSTASH_CURRENT_SIGNING_KEY"
  value      = var.qstash_signing_keys.current
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "qstash_next_signing_key" {
  count      = var.qstash_signing_keys == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "QSTASH_NEXT_SIGNING_KEY"
  value      = var.qstash_signing_keys.next
  target     = ["production"]
  sensitive  = true
}

# Optional features: each is set only when its variable is (see .env.example for what each one turns on).
resource "vercel_project_environment_variable" "vapid_public_key" {
  count      = var.web_push == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "VAPID_PUBLIC_KEY"
  value      = var.web_push.public_key
  target     = ["production"]
  sensitive  = false
}

resource "vercel_project_environment_variable" "vapid_private_key" {
  count      = var.web_push == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "VAPID_PRIVATE_KEY"
  value      = var.web_push.private_key
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "vapid_subject" {
  count      = var.web_push == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "VAPID_SUBJECT"
  value      = var.web_push.subject
  target     = ["production"]
  sensitive  = false
}

resource "vercel_project_environment_variable" "openai_api_key" {
  count      = var.openai_api_key == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "OPENAI_API_KEY"
  value      = var.openai_api_key
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "smtp_url" {
  count      = var.smtp == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "SMTP_URL"
  value      = var.smtp.url
  target     = ["production"]
  sensitive  = true
}

resource "vercel_project_environment_variable" "mail_from" {
  count      = var.smtp == null ? 0 : 1
  project_id = vercel_project.app.id
  key        = "MAIL_FROM"
  value      = var.smtp.mail_from
  target     = ["production"]
  sensitive  = false
}
