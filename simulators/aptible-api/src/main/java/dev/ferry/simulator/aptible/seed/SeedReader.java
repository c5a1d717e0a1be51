package dev.ferry.simulator.aptible.seed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads a seed from a file path or a classpath resource, strictly (unknown keys are errors), so that a typo in
 * a seed stops start-up instead of being silently dropped.
 */
public final class SeedReader {

    static final String CLASSPATH = "classpath:";

    private final ObjectMapper mapper;

    public SeedReader(ObjectMapper base) {
        this.mapper = base.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * Where {@code location} points: {@code classpath:NAME} is a resource; otherwise an existing file, else a
     * classpath resource of that name, else a file that does not exist (reported when read).
     */
    public static String describe(String location) {
        if (location.startsWith(CLASSPATH)) {
            return location;
        }
        Path path = Path.of(location);
        if (!Files.exists(path) && resource(location) != null) {
            return CLASSPATH + location;
        }
        return "file " + path.toAbsolutePath();
    }

    /** Reads and parses the seed; every failure names the source and the problem. */
    public Seed read(String location) {
        String source = describe(location);
        try (InputStream in = open(source)) {
            SeedDocument document = mapper.readValue(in, SeedDocument.class);
            if (document == null) {
                throw new SeedException(source, List.of("the file holds null instead of a JSON object"));
            }
            return new Seed(source, document);
        } catch (UnrecognizedPropertyException e) {
            throw new SeedException(source, unknownField(e), e);
        } catch (JsonProcessingException e) {
            throw new SeedException(source, "not a valid seed: " + e.getOriginalMessage() + where(e), e);
        } catch (IOException e) {
            throw new SeedException(source, "cannot read it: " + describe(e), e);
        }
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith(CLASSPATH)) {
            String name = source.substring(CLASSPATH.length());
            URL url = resource(name);
            if (url == null) {
                throw new IOException("no classpath resource " + name);
            }
            return url.openStream();
        }
        return Files.newInputStream(Path.of(source.substring("file ".length())));
    }

    private static URL resource(String name) {
        ClassLoader loader = Objects.requireNonNullElse(
                Thread.currentThread().getContextClassLoader(), SeedReader.class.getClassLoader());
        return loader.getResource(name.startsWith("/") ? name.substring(1) : name);
    }

    private static String unknownField(UnrecognizedPropertyException e) {
        String path = path(e.getPath().subList(0, e.getPath().size() - 1));
        String known = e.getKnownPropertyIds() == null
                ? ""
                : "; known fields: "
                        + String.join(
                                ", ",
                                new TreeSet<>(e.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .toList()));
        return "unknown field \"" + e.getPropertyName() + "\"" + (path.isEmpty() ? " at the top level" : " in " + path)
                + location(e.getLocation()) + known;
    }

    private static String where(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        return (path.isEmpty() ? "" : " at " + path) + location(e.getLocation());
    }

    /** {@code apps[0].services[1]}, from Jackson's reference chain. */
    private static String path(List<JsonMappingException.Reference> chain) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : chain) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String location(JsonLocation at) {
        return at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return switch (kind) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? kind : e.getMessage();
        };
    }
}
