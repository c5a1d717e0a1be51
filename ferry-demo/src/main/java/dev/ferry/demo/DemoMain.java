package dev.ferry.demo;

import java.util.Map;

/**
 * Runs the demo flow against running services and prints a summary table. Targets and options come
 * from the environment (see {@link DemoTargets#fromEnv}, {@link DemoOptions#fromEnv} and {@link
 * DemoAuth#fromEnv}). Exit
 * status: 0 when the migration completed, 1 when it failed, 2 when the flow could not finish.
 */
public final class DemoMain {
    private DemoMain() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv()));
    }

    static int run(Map<String, String> env) {
        DemoTargets targets;
        DemoOptions options;
        DemoAuth auth;
        try {
            targets = DemoTargets.fromEnv(env);
            options = DemoOptions.fromEnv(env);
            auth = DemoAuth.fromEnv(env);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            return 2;
        }
        DemoResult result;
        try {
            result = new DemoDriver(targets, options, auth, System.out).run();
        } catch (DemoException e) {
            System.out.flush();
            System.err.println();
            System.err.println("demo: FAILED: " + e.getMessage());
            return 2;
        }
        System.out.println();
        System.out.print(Summary.table(result));
        System.out.flush();
        return result.succeeded() ? 0 : 1;
    }
}
