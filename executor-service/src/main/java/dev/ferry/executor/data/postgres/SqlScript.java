package dev.ferry.executor.data.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a pg_dump script into single statements (respecting quotes, dollar quotes and comments),
 * dropping psql meta-commands such as {@code \restrict}, so Ferry can run them over JDBC in parallel.
 */
public final class SqlScript {
    private SqlScript() {}

    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        boolean lineStart = true;
        while (i < n) {
            char c = script.charAt(i);
            if (lineStart && c == '\\' && current.toString().isBlank()) { // psql meta-command: skip the line
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            }
            lineStart = false;
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = closingQuote(script, i, c);
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == '$') {
                int tagEnd = dollarTagEnd(script, i);
                if (tagEnd > 0) {
                    String tag = script.substring(i, tagEnd + 1);
                    int close = script.indexOf(tag, tagEnd + 1);
                    int end = close < 0 ? n : close + tag.length();
                    current.append(script, i, end);
                    i = end;
                    continue;
                }
            }
            if (c == ';') {
                String statement = current.toString().trim();
                if (!statement.isEmpty()) {
                    out.add(statement);
                }
                current.setLength(0);
                i++;
                continue;
            }
            if (c == '\n') {
                lineStart = true;
            }
            current.append(c);
            i++;
        }
        String rest = current.toString().trim();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static int closingQuote(String s, int start, char quote) {
        boolean backslashEscapes =
                quote == '\'' && start > 0 && (s.charAt(start - 1) == 'E' || s.charAt(start - 1) == 'e');
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** The index of the closing {@code $} of a dollar-quote tag starting at {@code start}, or -1. */
    private static int dollarTagEnd(String s, int start) {
        if (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '_')) {
            return -1; // part of an identifier such as a$b
        }
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$') {
                return i;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_') || (i == start + 1 && Character.isDigit(c))) {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
