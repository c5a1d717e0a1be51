package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code name: command} lines of a Procfile into process types, in order. */
public final class Procfiles {

    private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(\\S.*)$");

    private Procfiles() {}

    public static Map<String, String> parse(String procfile) {
        Map<String, String> processes = new LinkedHashMap<>();
        String[] lines = procfile.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw ApiException.unprocessable("Procfile line " + (i + 1) + " is not 'name: command'");
            }
            if (processes.put(m.group(1), m.group(2).strip()) != null) {
                throw ApiException.unprocessable("Procfile declares process type " + m.group(1) + " twice");
            }
        }
        if (processes.isEmpty()) {
            throw ApiException.unprocessable("Procfile declares no process types");
        }
        return processes;
    }
}
