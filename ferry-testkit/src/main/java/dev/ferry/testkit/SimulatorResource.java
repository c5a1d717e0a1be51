package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one of Ferry's packaged simulators beside a {@code @QuarkusTest}. Init args: {@code module}
 * (e.g. {@code simulators/heroku-api}), {@code property} (the config key that receives its URL),
 * and any {@code sys.*} entries passed to it as system properties.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {
    private QuarkusApp app;
    private String module;
    private String property;
    private final Map<String, String> props = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        module = initArgs.get("module");
        property = initArgs.get("property");
        initArgs.forEach((k, v) -> {
            if (k.startsWith("sys.")) {
                props.put(k.substring(4), v);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        String name = module.substring(module.lastIndexOf('/') + 1);
        app = QuarkusApp.start(name, QuarkusApp.jarOf(module), props, Path.of("target", "simulators"));
        return Map.of(property, app.url());
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
        }
    }
}
