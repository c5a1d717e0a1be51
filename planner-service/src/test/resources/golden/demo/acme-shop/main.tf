# Rendered by Ferry from plan b572fc27-bb74-3747-9592-4f1f7b9de861 version 1 for acme-shop.
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

resource "aptible_database" "postgresql_acme_shop_primary" {
  env_id         = data.aptible_environment.acme_production.env_id
  handle         = "postgresql-acme-shop-primary"
  database_type  = "postgresql"
  version        = "16"
  container_size = 4096
  disk_size      = 10
}

resource "aptible_database" "redis_acme_shop_cache" {
  env_id         = data.aptible_environment.acme_production.env_id
  handle         = "redis-acme-shop-cache"
  database_type  = "redis"
  version        = "7.0"
  container_size = 512
  disk_size      = 10
}

resource "aptible_app" "acme_shop" {
  env_id       = data.aptible_environment.acme_production.env_id
  handle       = "acme-shop"
  docker_image = "registry.example.com/ferry/acme-shop:heroku-v42"
  config = {
    DATABASE_URL     = aptible_database.postgresql_acme_shop_primary.default_connection_url
    RAILS_ENV        = var.acme_shop_rails_env
    REDIS_URL        = var.redis_acme_shop_cache_redis_ssl_url
    SECRET_KEY_BASE  = var.acme_shop_secret_key_base
    SENDGRID_API_KEY = var.acme_shop_sendgrid_api_key
  }
  service {
    process_type           = "web"
    container_count        = 2
    container_memory_limit = 512
    container_profile      = "m"
    force_zero_downtime    = true
  }
  service {
    process_type           = "worker"
    container_count        = 1
    container_memory_limit = 1024
    container_profile      = "m"
    force_zero_downtime    = true
  }
}

resource "aptible_endpoint" "acme_shop_web_shop_acme_example" {
  env_id        = data.aptible_environment.acme_production.env_id
  resource_id   = aptible_app.acme_shop.app_id
  resource_type = "app"
  process_type  = "web"
  endpoint_type = "https"
  internal      = false
  managed       = true
  domain        = "shop.acme.example"
}

variable "redis_acme_shop_cache_redis_ssl_url" {
  type        = string
  sensitive   = true
  description = "The redis+ssl connection URL of redis-acme-shop-cache: aptible db:url redis-acme-shop-cache --type redis+ssl"
}

variable "acme_shop_rails_env" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}

variable "acme_shop_secret_key_base" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}

variable "acme_shop_sendgrid_api_key" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}
