# Rendered by Ferry from plan b572fc27-bb74-3747-9592-4f1f7b9de861 version 1.
# Environments and log drains; apply this before the apps' configurations.

terraform {
  required_providers {
    aptible = {
      source = "aptible/aptible"
    }
  }
}

data "aptible_stack" "shared" {
  name = var.shared_stack_name
}

variable "shared_stack_name" {
  type        = string
  description = "The shared stack for environments outside Private Spaces"
}

resource "aptible_environment" "acme_production" {
  stack_id = data.aptible_stack.shared.stack_id
  org_id   = data.aptible_stack.shared.org_id
  handle   = "acme-production"
}

resource "aptible_log_drain" "acme_production_logs_papertrailapp_com" {
  env_id     = aptible_environment.acme_production.env_id
  handle     = "acme-production-logs.papertrailapp.com"
  drain_type = "syslog_tls_tcp"
  url        = var.acme_production_logs_papertrailapp_com_url
}

variable "acme_production_logs_papertrailapp_com_url" {
  type        = string
  sensitive   = true
  description = "The drain URL (sealed in Ferry)"
}
