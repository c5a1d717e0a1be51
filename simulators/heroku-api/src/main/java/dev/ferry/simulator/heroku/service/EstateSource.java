package dev.ferry.simulator.heroku.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.ferry.simulator.heroku.config.SimulatorConfig;
import dev.ferry.simulator.heroku.domain.Estate;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the configured estate file, or the bundled demo estate when none is configured. */
@ApplicationScoped
public class EstateSource {

    private final SimulatorConfig config;
    private final ObjectMapper mapper;

    public EstateSource(SimulatorConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /** Where the estate comes from, for logs and errors. */
    public String describe() {
        return config.estate()
                .filter(path -> !path.isBlank())
                .map(path -> "file " + Path.of(path).toAbsolutePath())
                .orElse("classpath:" + SimulatorConfig.DEFAULT_ESTATE_RESOURCE);
    }

    /** Reads and validates the estate afresh. */
    public Estate load() {
        String source = describe();
        try (InputStream in = open()) {
            EstateDocument document = mapper.readValue(in, EstateDocument.class);
            return EstateAssembler.assemble(source, GeneratedApps.addTo(document, config.generatedApps()));
        } catch (IOException e) {
            throw new EstateInvalidException(source, e.getMessage(), e);
        }
    }

    private InputStream open() throws IOException {
        var file = config.estate().filter(path -> !path.isBlank());
        if (file.isPresent()) {
            return Files.newInputStream(Path.of(file.get()));
        }
        InputStream in = Thread.currentThread()
                .getContextClassLoader()
                .getResourceAsStream(SimulatorConfig.DEFAULT_ESTATE_RESOURCE);
        if (in == null) {
            throw new IOException("resource " + SimulatorConfig.DEFAULT_ESTATE_RESOURCE + " missing");
        }
        return in;
    }
}
