# Rendered by Ferry from plan 3338ac8b-80c0-3ab7-8509-3b8cde076bab version 1.
# Environments and log drains; apply this before the apps' configurations.

terraform {
  required_providers {
    aptible = {
      source = "aptible/aptible"
    }
  }
}

data "aptible_stack" "acme_virginia" {
  name = "acme-virginia"
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

resource "aptible_environment" "clinic_shield_production" {
  stack_id = data.aptible_stack.acme_virginia.stack_id
  org_id   = data.aptible_stack.acme_virginia.org_id
  handle   = "clinic-shield-production"
}

resource "aptible_environment" "clinic_shield_staging" {
  stack_id = data.aptible_stack.acme_virginia.stack_id
  org_id   = data.aptible_stack.acme_virginia.org_id
  handle   = "clinic-shield-staging"
}
