package dev.ferry.planner.domain.render;

import dev.ferry.planner.domain.StepView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the plan as Terraform for the Aptible provider, an alternative way to apply it:
 * environments and log drains for the estate, and per app its databases, the app with one service
 * block per process type, and its endpoints. Secret values become sensitive variables, never text.
 */
final class Terraform {
    private static final String CARRIED = "Carried from Heroku (sealed in Ferry)";

    private Terraform() {}

    static String estate(PlanIndex plan) {
        List<String> out = new ArrayList<>();
        out.add("# Rendered by Ferry from plan " + plan.plan().planId() + " version "
                + plan.plan().version() + ".");
        out.add("# Environments and log drains; apply this before the apps' configurations.");
        out.add("");
        out.add(providerBlock());
        TreeSet<String> stacks = new TreeSet<>();
        for (StepView env : plan.stepsOfType("ensure-environment")) {
            stacks.add(env.parameters().getOrDefault("stack", "shared"));
        }
        for (String stack : stacks) {
            out.add("data \"aptible_stack\" \"" + name(stack) + "\" {");
            out.add("  name = " + (stack.equals("shared") ? "var.shared_stack_name" : quote(stack)));
            out.add("}");
            out.add("");
        }
        if (stacks.contains("shared")) {
            out.add("variable \"shared_stack_name\" {");
            out.add("  type        = string");
            out.add("  description = \"The shared stack for environments outside Private Spaces\"");
            out.add("}");
            out.add("");
        }
        for (StepView env : plan.stepsOfType("ensure-environment")) {
            String handle = env.parameters().get("environment");
            String stack = name(env.parameters().getOrDefault("stack", "shared"));
            out.add("resource \"aptible_environment\" \"" + name(handle) + "\" {");
            out.add("  stack_id = data.aptible_stack." + stack + ".stack_id");
            out.add("  org_id   = data.aptible_stack." + stack + ".org_id");
            out.add("  handle   = " + quote(handle));
            out.add("}");
            out.add("");
        }
        for (StepView drain : plan.stepsOfType("ensure-log-drain")) {
            Map<String, String> p = drain.parameters();
            String handle = p.get("handle");
            out.add("resource \"aptible_log_drain\" \"" + name(handle) + "\" {");
            out.add("  env_id     = aptible_environment." + name(p.get("environment")) + ".env_id");
            out.add("  handle     = " + quote(handle));
            out.add("  drain_type = " + quote(p.get("drainType")));
            out.add("  url        = var." + name(handle) + "_url");
            out.add("}");
            out.add("");
            sensitive(out, name(handle) + "_url", "The drain URL (sealed in Ferry)");
        }
        return trim(out);
    }

    static String app(PlanIndex plan, String app) {
        AppBuild build = AppBuild.of(plan, app);
        StepView ensure = plan.step("app:" + app).orElseThrow();
        String env = ensure.parameters().get("environment");
        List<String> out = new ArrayList<>();
        out.add("# Rendered by Ferry from plan " + plan.plan().planId() + " version "
                + plan.plan().version() + " for " + app + ".");
        out.add("# Terraform deploys with Direct Docker Image Deploy only: push the image first.");
        out.add("");
        out.add(providerBlock());
        out.add("data \"aptible_environment\" \"" + name(env) + "\" {");
        out.add("  handle = " + quote(env));
        out.add("}");
        out.add("");
        TreeSet<String> owned = new TreeSet<>();
        for (StepView db : plan.stepsOf(app, "ensure-database")) {
            Map<String, String> p = db.parameters();
            owned.add(p.get("handle"));
            out.add("resource \"aptible_database\" \"" + name(p.get("handle")) + "\" {");
            out.add("  env_id         = data.aptible_environment." + name(p.get("environment")) + ".env_id");
            out.add("  handle         = " + quote(p.get("handle")));
            out.add("  database_type  = " + quote(p.get("engine")));
            if (p.containsKey("version")) {
                out.add("  version        = " + quote(p.get("version")));
            }
            if (p.containsKey("containerSizeMb")) {
                out.add("  container_size = " + p.get("containerSizeMb"));
            }
            if (p.containsKey("diskSizeGb")) {
                out.add("  disk_size      = " + p.get("diskSizeGb"));
            }
            out.add("}");
            out.add("");
        }
        StepView configure = plan.step("configure:" + app).orElseThrow();
        TreeMap<String, String> config = new TreeMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        configure.parameters().forEach((key, value) -> {
            if (key.startsWith("env.") && value.startsWith("database:")) {
                String handle = value.substring("database:".length());
                String credential = configure.parameters().get("credential." + key.substring(4));
                if (credential != null) {
                    // the provider exports the default credential's URL by name, not one of a given type
                    String variable = name(handle + "_" + credential + "_url");
                    config.put(key.substring(4), "var." + variable);
                    variables.put(
                            variable,
                            "The " + credential + " connection URL of " + handle + ": aptible db:url " + handle
                                    + " --type " + credential);
                } else if (owned.contains(handle)) {
                    config.put(key.substring(4), "aptible_database." + name(handle) + ".default_connection_url");
                } else {
                    config.put(key.substring(4), "var." + name(handle) + "_url");
                    variables.put(name(handle) + "_url", CARRIED);
                }
            }
        });
        for (String secret : configure.secrets().keySet()) {
            String variable = name(app + "_" + secret);
            config.put(secret, "var." + variable);
            variables.put(variable, CARRIED);
        }
        out.add("resource \"aptible_app\" \"" + name(app) + "\" {");
        out.add("  env_id       = data.aptible_environment." + name(env) + ".env_id");
        out.add("  handle       = " + quote(app));
        out.add("  docker_image = " + quote(build.image()));
        if (!config.isEmpty()) {
            int width = config.keySet().stream().mapToInt(String::length).max().orElse(0);
            out.add("  config = {");
            config.forEach((k, v) -> out.add("    " + pad(k, width) + " = " + v));
            out.add("  }");
        }
        for (String service : build.services().keySet()) {
            StepView scale = plan.step("scale:" + app + "/" + service).orElse(null);
            out.add("  service {");
            out.add("    process_type           = " + quote(service));
            if (scale != null) {
                Map<String, String> p = scale.parameters();
                out.add("    container_count        = " + p.getOrDefault("containerCount", "1"));
                if (p.containsKey("containerSizeMb")) {
                    out.add("    container_memory_limit = " + p.get("containerSizeMb"));
                }
                out.add("    container_profile      = " + quote(p.getOrDefault("profile", "m")));
            }
            if (build.zeroDowntime()) {
                out.add("    force_zero_downtime    = true");
            }
            out.add("  }");
        }
        out.add("}");
        out.add("");
        for (StepView endpoint : plan.stepsOf(app, "ensure-endpoint")) {
            endpoints(out, app, env, endpoint);
        }
        variables.forEach((variable, description) -> sensitive(out, variable, description));
        return trim(out);
    }

    private static void endpoints(List<String> out, String app, String env, StepView endpoint) {
        Map<String, String> p = endpoint.parameters();
        String service = p.get("service");
        List<String> domains = p.getOrDefault("domains", "").isBlank()
                ? List.of()
                : List.of(p.get("domains").split(","));
        List<String> targets = domains.isEmpty() ? java.util.Collections.singletonList(null) : domains;
        for (String domain : targets) {
            String suffix = domain == null ? "" : "_" + name(domain);
            out.add("resource \"aptible_endpoint\" \"" + name(app + "_" + service) + suffix + "\" {");
            out.add("  env_id        = data.aptible_environment." + name(env) + ".env_id");
            out.add("  resource_id   = aptible_app." + name(app) + ".app_id");
            out.add("  resource_type = \"app\"");
            out.add("  process_type  = " + quote(service));
            out.add("  endpoint_type = " + quote(p.getOrDefault("kind", "https")));
            out.add("  internal      = " + p.getOrDefault("internal", "false"));
            if (domain == null) {
                out.add("  default_domain = " + p.getOrDefault("defaultDomain", "false"));
            } else {
                out.add("  managed       = " + p.getOrDefault("managedTls", "false"));
                out.add("  domain        = " + quote(domain));
            }
            String allow = p.getOrDefault("ipAllowlist", "");
            if (!allow.isBlank()) {
                out.add("  ip_filtering  = ["
                        + String.join(
                                ", ",
                                List.of(allow.split(",")).stream()
                                        .map(Terraform::quote)
                                        .toList())
                        + "]");
            }
            out.add("}");
            out.add("");
        }
    }

    private static String providerBlock() {
        return "terraform {\n  required_providers {\n    aptible = {\n      source = \"aptible/aptible\"\n    }\n  }\n}\n";
    }

    private static void sensitive(List<String> out, String name, String description) {
        out.add("variable \"" + name + "\" {");
        out.add("  type        = string");
        out.add("  sensitive   = true");
        out.add("  description = " + quote(description));
        out.add("}");
        out.add("");
    }

    static String name(String raw) {
        String n = raw.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("^_+|_+$", "");
        return n.isEmpty() || Character.isDigit(n.charAt(0)) ? "r_" + n : n;
    }

    private static String quote(String value) {
        return "\"" + (value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String trim(List<String> out) {
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out) + "\n";
    }
}
