package dev.ferry.executor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form an evidence pack's digest is computed over, so anyone can recompute it: JSON with
 * every object's members sorted by name (code unit order), no whitespace, strings escaped as JSON
 * requires (as jq escapes them), integers only; then SHA-256 of its UTF-8 bytes, in lowercase hex. It is
 * the output of {@code jq -cjS .evidence} on the served document.
 */
public final class EvidenceDigest {
    public static final String ALGORITHM = "SHA-256";
    public static final String CANONICALIZATION =
            "JSON of the evidence member with object keys sorted, no whitespace, UTF-8 (jq -cjS .evidence)";

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private EvidenceDigest() {}

    /** The canonical JSON text of a value. */
    public static String canonical(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.toString();
    }

    /** SHA-256 of the canonical form, in lowercase hex. */
    public static String sha256(Object value) {
        try {
            byte[] hash =
                    MessageDigest.getInstance(ALGORITHM).digest(canonical(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(String::compareTo);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append(quote(node.textValue()));
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            throw new IllegalArgumentException("Evidence holds integers only, not " + node);
        } else {
            out.append(node.toString());
        }
    }

    /**
     * A JSON string as jq writes it: short escapes for quote, backslash, \b \f \n \r \t; other control
     * characters and DEL as lowercase {@code \\u00xx}; everything else as is (UTF-8 on encoding).
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
