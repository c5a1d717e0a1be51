# Rendered by Ferry from plan 3338ac8b-80c0-3ab7-8509-3b8cde076bab version 1 for clinic-staging.
# Terraform deploys with Direct Docker Image Deploy only: push the image first.

terraform {
  required_providers {
    aptible = {
      source = "aptible/aptible"
    }
  }
}

data "aptible_environment" "clinic_shield_staging" {
  handle = "clinic-shield-staging"
}

resource "aptible_app" "clinic_staging" {
  env_id       = data.aptible_environment.clinic_shield_staging.env_id
  handle       = "clinic-staging"
  docker_image = "registry.example.com/ferry/clinic-staging:heroku-v290"
  config = {
    DJANGO_SECRET_KEY = var.clinic_staging_django_secret_key
  }
  service {
    process_type           = "web"
    container_count        = 1
    container_memory_limit = 1024
    container_profile      = "m"
  }
}

resource "aptible_endpoint" "clinic_staging_web_staging_clinic_example" {
  env_id        = data.aptible_environment.clinic_shield_staging.env_id
  resource_id   = aptible_app.clinic_staging.app_id
  resource_type = "app"
  process_type  = "web"
  endpoint_type = "https"
  internal      = false
  managed       = true
  domain        = "staging.clinic.example"
  ip_filtering  = ["198.51.100.0/24"]
}

variable "clinic_staging_django_secret_key" {
  type        = string
  sensitive   = true
  description = "Carried from Heroku (sealed in Ferry)"
}
