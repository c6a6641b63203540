# The hosted setup: a Vercel project with its environment, an Upstash Redis database and a Neon Postgres
# project. Providers are pinned exactly; `terraform init -backend=false && terraform validate` runs in CI.
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    vercel = {
      source  = "vercel/vercel"
      version = "4.8.0"
    }
    upstash = {
      source  = "upstash/upstash"
      version = "2.1.0"
    }
    neon = {
      source  = "kislerdm/neon"
      version = "0.13.0"
    }
  }
}

provider "vercel" {
  api_token = var.vercel_api_token
  team      = var.vercel_team
}

provider "upstash" {
  email   = var.upstash_email
  api_key = var.upstash_api_key
}

provider "neon" {
  api_key = var.neon_api_key
}
