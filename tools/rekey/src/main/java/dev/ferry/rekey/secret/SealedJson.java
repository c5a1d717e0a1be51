package dev.ferry.rekey.secret;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.ferry.events.secret.SealedSecret;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds sealed values anywhere in a JSON document without knowing the event's type: any object whose
 * members are exactly {@code keyId}, {@code ciphertext} and {@code fingerprint} (strings). It keeps the
 * position of each value in the text, so a value can be swapped without touching a byte around it.
 */
public final class SealedJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SealedJson() {}

    /** A JSON string literal, quotes included: {@code text.substring(start, end)}. */
    public record Span(int start, int end) {}

    /** One sealed value and where its key id and ciphertext literals sit in the text. */
    public record Found(SealedSecret secret, Span keyId, Span ciphertext) {}

    /** Every sealed value in the document, in document order; throws on text that is not JSON. */
    public static List<Found> find(String json) throws NotJsonException {
        List<Found> found = new ArrayList<>();
        Deque<Frame> frames = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Frame top = frames.peek();
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (top != null) {
                            top.other();
                        }
                        frames.push(new Frame(token == JsonToken.START_OBJECT));
                    }
                    case END_OBJECT -> {
                        Frame done = frames.pop();
                        done.sealed(json).ifPresent(found::add);
                    }
                    case END_ARRAY -> frames.pop();
                    case FIELD_NAME -> top.field = parser.currentName();
                    case VALUE_STRING -> {
                        if (top != null && top.object) {
                            int start = (int) parser.currentTokenLocation().getCharOffset();
                            top.string(parser.getText(), new Span(start, literalEnd(json, start)));
                        }
                    }
                    case VALUE_NULL -> {
                        if (top != null && top.object && "fingerprint".equals(top.field)) {
                            top.nullFingerprint = true;
                        } else if (top != null) {
                            top.other();
                        }
                    }
                    default -> {
                        if (top != null) {
                            top.other();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new NotJsonException("not a JSON document"); // the parser's message may quote the text
        }
        found.sort(Comparator.comparingInt(f -> f.keyId().start()));
        return found;
    }

    /**
     * The document with each found value's key id and ciphertext replaced by the replacement at the
     * same index; every other character stays as it was (fingerprints included).
     */
    public static String replace(String json, List<Found> found, List<SealedSecret> replacements) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            edits.add(new Edit(found.get(i).keyId(), quote(replacements.get(i).keyId())));
            edits.add(new Edit(
                    found.get(i).ciphertext(), quote(replacements.get(i).ciphertext())));
        }
        return apply(json, edits);
    }

    /**
     * The document with the key id and ciphertext literals at {@code found} replaced by the literals
     * at {@code original} in {@code originalJson}: turns a re-sealed document back into its source, to
     * prove nothing else changed.
     */
    public static String restore(String json, List<Found> found, String originalJson, List<Found> original) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Span keyId = original.get(i).keyId();
            Span ciphertext = original.get(i).ciphertext();
            edits.add(new Edit(found.get(i).keyId(), originalJson.substring(keyId.start(), keyId.end())));
            edits.add(
                    new Edit(found.get(i).ciphertext(), originalJson.substring(ciphertext.start(), ciphertext.end())));
        }
        return apply(json, edits);
    }

    private static String apply(String json, List<Edit> edits) {
        edits.sort(Comparator.comparingInt(e -> e.span().start()));
        StringBuilder out = new StringBuilder(json.length() + 64);
        int at = 0;
        for (Edit edit : edits) {
            out.append(json, at, edit.span().start()).append(edit.literal());
            at = edit.span().end();
        }
        return out.append(json, at, json.length()).toString();
    }

    private static String quote(String value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }

    /** The index after the closing quote of the string literal that opens at {@code start}. */
    private static int literalEnd(String json, int start) {
        if (json.charAt(start) != '"') {
            throw new IllegalStateException("A string value does not start with a quote at " + start);
        }
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        throw new IllegalStateException("An unterminated string at " + start);
    }

    private record Edit(Span span, String literal) {}

    /** An object or array being read; an object may turn out to be a sealed value. */
    private static final class Frame {
        final boolean object;
        final Map<String, String> strings = new HashMap<>();
        final Map<String, Span> spans = new HashMap<>();
        String field;
        boolean nonString;
        boolean nullFingerprint;

        Frame(boolean object) {
            this.object = object;
        }

        void other() {
            nonString = true;
        }

        void string(String value, Span span) {
            strings.put(field, value);
            spans.put(field, span);
        }

        java.util.Optional<Found> sealed(String json) {
            boolean shape = object
                    && !nonString
                    && strings.containsKey("keyId")
                    && strings.containsKey("ciphertext")
                    && (strings.containsKey("fingerprint") || nullFingerprint)
                    && strings.size() == (nullFingerprint ? 2 : 3);
            if (!shape) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Found(
                    new SealedSecret(strings.get("keyId"), strings.get("ciphertext"), strings.get("fingerprint")),
                    spans.get("keyId"),
                    spans.get("ciphertext")));
        }
    }

    /** The value is not a JSON document. */
    public static final class NotJsonException extends Exception {
        public NotJsonException(String message) {
            super(message);
        }
    }
}
