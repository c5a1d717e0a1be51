package dev.ferry.inventory.drift;

import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.QuarkusApp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged Heroku simulator serving the first drift estate from a file the test may rewrite
 * (then {@code POST /_simulator/reset} reloads it). Turns the probes on for this test.
 */
public class EstateFileSimulatorResource implements QuarkusTestResourceLifecycleManager {
    private QuarkusApp app;

    @Override
    public Map<String, String> start() {
        Path file = Path.of("target", "drift-estate", "estate.json").toAbsolutePath();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DriftEstates.write(file, DriftEstates.v1(closed));
        app = QuarkusApp.start(
                "heroku-api-drift",
                QuarkusApp.jarOf(InventoryTestResources.HEROKU_MODULE),
                Map.of("heroku-sim.estate", file.toString()),
                Path.of("target", "simulators"));
        return Map.of(
                InventoryTestResources.HEROKU_URL_PROPERTY,
                app.url(),
                "drift-test.estate-file",
                file.toString(),
                "ferry.inventory.probes.enabled",
                "true");
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
        }
    }
}
