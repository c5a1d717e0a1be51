package dev.ferry.planner.domain.render;

import dev.ferry.planner.domain.PlanDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files a team downloads for a plan: per app a Dockerfile, Procfile, .aptible.yml and main.tf;
 * for the estate the environments' Terraform and the runbook. All rendered from the stored plan,
 * so they are deterministic and match it step for step.
 */
public final class PlanFiles {
    /** The pseudo-app holding estate-wide files. */
    public static final String ESTATE = "_estate";

    public static final List<String> APP_FILES = List.of("Dockerfile", "Procfile", ".aptible.yml", "main.tf");
    public static final List<String> ESTATE_FILES = List.of("runbook.md", "environments.tf");

    /** One downloadable file. */
    public record FileRef(String app, String name, String path, String mediaType) {}

    private PlanFiles() {}

    public static List<FileRef> list(PlanDocument plan) {
        List<FileRef> files = new ArrayList<>();
        for (String name : ESTATE_FILES) {
            files.add(ref(ESTATE, name));
        }
        for (String app : plan.apps()) {
            for (String name : APP_FILES) {
                files.add(ref(app, name));
            }
        }
        return files;
    }

    /** The content of one file, empty when the plan has no such app or file. */
    public static Optional<String> render(PlanDocument plan, String app, String name) {
        return render(new PlanIndex(plan), app, name);
    }

    /** Every file of the plan, by path, rendered from one index (linear in the plan's size). */
    public static java.util.Map<String, String> renderAll(PlanDocument plan) {
        PlanIndex index = new PlanIndex(plan);
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (FileRef file : list(plan)) {
            files.put(file.path(), render(index, file.app(), file.name()).orElseThrow());
        }
        return files;
    }

    private static Optional<String> render(PlanIndex plan, String app, String name) {
        if (ESTATE.equals(app)) {
            return switch (name) {
                case "runbook.md" -> Optional.of(Runbook.render(plan));
                case "environments.tf" -> Optional.of(Terraform.estate(plan));
                default -> Optional.empty();
            };
        }
        if (!plan.hasApp(app)) {
            return Optional.empty();
        }
        AppBuild build = AppBuild.of(plan, app);
        return switch (name) {
            case "Dockerfile" -> Optional.of(Dockerfiles.render(build));
            case "Procfile" -> Optional.of(AppFiles.procfile(build));
            case ".aptible.yml" -> Optional.of(AppFiles.aptibleYml(build));
            case "main.tf" -> Optional.of(Terraform.app(plan, app));
            default -> Optional.empty();
        };
    }

    public static String runbook(PlanDocument plan) {
        return Runbook.render(new PlanIndex(plan));
    }

    private static FileRef ref(String app, String name) {
        String media = name.endsWith(".md") ? "text/markdown" : "text/plain";
        return new FileRef(app, name, app + "/" + name, media);
    }
}
