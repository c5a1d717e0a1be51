# Rendered by Ferry from plan b572fc27-bb74-3747-9592-4f1f7b9de861 version 1 for acme-admin.
# Terraform deploys with Direct Docker Image Deploy only: push the image first.

terraform {
  required_providers {
    aptible = {
      source = "aptible/aptible"
    }
  }
}

data "aptible_environment" "acme_production" {
  handle = "acme-production"
}

resource "aptible_app" "acme_admin" {
  env_id       = data.aptible_environment.acme_production.env_id
  handle       = "acme-admin"
  docker_image = "registry.example.com/ferry/acme-admin:heroku-v17"
  config = {
    DATABASE_URL    = var.postgresql_acme_shop_primary_url
    RAILS_ENV       = var.acme_admin_rails_env
    SECRET_KEY_BASE = var.acme_admin_secret_key_base
  }
  service {
    process_type           = "web"
    container_count        = 1
    container_memory_limit = 512
    container_profile      = "m"
  }
}

resource "aptible_endpoint" "acme_admin_web" {
  env_id        = data.aptible_environment.acme_production.env_id
  resource_id   = aptible_app.acme_admin.app_id
  resource_type = "app"
  process_type  = "web"
  endpoint_type = "https"
  internal      = false
  default_domain = true
}

variable "postgresql_acme_shop_primary_url" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}

variable "acme_admin_rails_env" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}

variable "acme_admin_secret_key_base" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}
