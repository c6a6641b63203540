# Values come from terraform.tfvars (git-ignored; see terraform.tfvars.example) or TF_VAR_* variables.
# Every secret is `sensitive`, so plans and logs never show it.

variable "vercel_api_token" {
  description = "Vercel API token (Account settings → Tokens)."
  type        = string
  sensitive   = true
}

variable "vercel_team" {
  description = "Vercel team id or slug; null for a personal account."
  type        = string
  default     = null
}

variable "upstash_email" {
  description = "Email of the Upstash account."
  type        = string
}

variable "upstash_api_key" {
  description = "Upstash management API key (console → Account → Management API)."
  type        = string
  sensitive   = true
}

variable "neon_api_key" {
  description = "Neon API key (console → Account settings → API keys)."
  type        = string
  sensitive   = true
}

variable "project_name" {
  description = "Name of the Vercel project, the Neon project and the Upstash database."
  type        = string
  default     = "the-system"
}

variable "github_repo" {
  description = "The repository Vercel deploys, as owner/name."
  type        = string
}

variable "app_url" {
  description = "The public URL of the production deployment (NEXTAUTH_URL)."
  type        = string
}

variable "neon_region" {
  description = "Neon region, next to the Vercel functions (vercel.json: iad1)."
  type        = string
  default     = "aws-us-east-1"
}

variable "upstash_region" {
  description = "Upstash primary region, next to the Vercel functions."
  type        = string
  default     = "us-east-1"
}

variable "nextauth_secret" {
  description = "Signs sessions: at least 32 characters (openssl rand -base64 32)."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.nextauth_secret) >= 32
    error_message = "nextauth_secret must be at least 32 characters."
  }
}

variable "cron_secret" {
  description = "Bearer secret Vercel Cron sends to /api/cron/tick: at least 16 characters."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.cron_secret) >= 16
    error_message = "cron_secret must be at least 16 characters."
  }
}

variable "qstash_signing_keys" {
  description = "Upstash QStash current and next signing keys, for a QStash-driven tick on the Hobby plan; null without."
  type = object({
    current = string
    next    = string
  })
  default   = null
  sensitive = true
}

variable "web_push" {
  description = "VAPID keys for reminders (npx web-push generate-vapid-keys) and a mailto: or https: subject; null: no push reminders, the in-app inbox only."
  type = object({
    public_key  = string
    private_key = string
    subject     = string
  })
  default   = null
  sensitive = true
}

variable "openai_api_key" {
  description = "The System's voice through OpenAI for Hunters who opt in; null: the built-in voice only."
  type        = string
  default     = null
  sensitive   = true
}

variable "smtp" {
  description = "Mail for password resets: an smtp(s):// URL with its credentials and the From address; null: no reset mail."
  type = object({
    url       = string
    mail_from = string
  })
  default   = null
  sensitive = true
}
