# Rendered by Ferry from plan 3338ac8b-80c0-3ab7-8509-3b8cde076bab version 1 for clinic.
# Terraform deploys with Direct Docker Image Deploy only: push the image first.

terraform {
  required_providers {
    aptible = {
      source = "aptible/aptible"
    }
  }
}

data "aptible_environment" "clinic_shield_production" {
  handle = "clinic-shield-production"
}

resource "aptible_database" "postgresql_clinic" {
  env_id         = data.aptible_environment.clinic_shield_production.env_id
  handle         = "postgresql-clinic"
  database_type  = "postgresql"
  version        = "16"
  container_size = 30720
  disk_size      = 400
}

resource "aptible_database" "redis_clinic" {
  env_id         = data.aptible_environment.clinic_shield_production.env_id
  handle         = "redis-clinic"
  database_type  = "redis"
  version        = "7.0"
  container_size = 512
  disk_size      = 10
}

resource "aptible_app" "clinic" {
  env_id       = data.aptible_environment.clinic_shield_production.env_id
  handle       = "clinic"
  docker_image = "registry.example.com/ferry/clinic:heroku-v311"
  config = {
    DATABASE_URL      = aptible_database.postgresql_clinic.default_connection_url
    DJANGO_SECRET_KEY = var.clinic_django_secret_key
    MYSTERY_KEY       = var.clinic_mystery_key
    REDIS_URL         = var.redis_clinic_redis_ssl_url
  }
  service {
    process_type           = "web"
    container_count        = 3
    container_memory_limit = 4096
    container_profile      = "m"
    force_zero_downtime    = true
  }
  service {
    process_type           = "worker"
    container_count        = 2
    container_memory_limit = 15360
    container_profile      = "m"
    force_zero_downtime    = true
  }
}

resource "aptible_endpoint" "clinic_web_clinic_example" {
  env_id        = data.aptible_environment.clinic_shield_production.env_id
  resource_id   = aptible_app.clinic.app_id
  resource_type = "app"
  process_type  = "web"
  endpoint_type = "https"
  internal      = false
  managed       = true
  domain        = "*.clinic.example"
  ip_filtering  = ["198.51.100.0/24"]
}

resource "aptible_endpoint" "clinic_web_app_clinic_example" {
  env_id        = data.aptible_environment.clinic_shield_production.env_id
  resource_id   = aptible_app.clinic.app_id
  resource_type = "app"
  process_type  = "web"
  endpoint_type = "https"
  internal      = false
  managed       = true
  domain        = "app.clinic.example"
  ip_filtering  = ["198.51.100.0/24"]
}

resource "aptible_endpoint" "clinic_worker" {
  env_id        = data.aptible_environment.clinic_shield_production.env_id
  resource_id   = aptible_app.clinic.app_id
  resource_type = "app"
  process_type  = "worker"
  endpoint_type = "https"
  internal      = true
  default_domain = false
  ip_filtering  = ["198.51.100.0/24"]
}

variable "redis_clinic_redis_ssl_url" {
  type        = string
  sensitive   = true
  description = "The redis+ssl connection URL of redis-clinic: aptible db:url redis-clinic --type redis+ssl"
}

variable "clinic_django_secret_key" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}

variable "clinic_mystery_key" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}
