# Rendered by Ferry from plan 3338ac8b-80c0-3ab7-8509-3b8cde076bab version 1 for clinic-tools.
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

resource "aptible_app" "clinic_tools" {
  env_id       = data.aptible_environment.acme_production.env_id
  handle       = "clinic-tools"
  docker_image = "registry.example.com/ferry/clinic-tools:heroku-v12"
  service {
    process_type           = "web"
    container_count        = 1
    container_memory_limit = 30720
    container_profile      = "r"
  }
}

resource "aptible_endpoint" "clinic_tools_web" {
  env_id        = data.aptible_environment.acme_production.env_id
  resource_id   = aptible_app.clinic_tools.app_id
  resource_type = "app"
  process_type  = "web"
  endpoint_type = "https"
  internal      = false
  default_domain = true
}
