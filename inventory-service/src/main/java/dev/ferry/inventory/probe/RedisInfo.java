package dev.ferry.inventory.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the {@code field:value} lines of a Redis INFO answer. */
final class RedisInfo {
    private RedisInfo() {}

    static Map<String, String> parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
