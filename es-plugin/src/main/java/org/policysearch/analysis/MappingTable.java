package org.policysearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reads the tab-separated mapping tables bundled with the plugin.
 *
 * <p>One format serves all tables so the OpenCC files can be read unmodified:
 *
 * <ul>
 *   <li>{@code source<TAB>target [alternative ...]}: only the first, space-separated target is used (OpenCC lists
 *       its preferred candidate first);
 *   <li>an empty target deletes the source;
 *   <li>{@code \}{@code uXXXX} escapes spell out invisible characters in our own tables;
 *   <li>blank lines and lines starting with {@code #} are ignored; CR and a leading BOM are tolerated.
 * </ul>
 */
final class MappingTable {

    private MappingTable() {}

    /** Streams every (source, target) pair of the resource, which is resolved relative to this package. */
    static void read(String resource, BiConsumer<String, String> sink) {
        InputStream in = MappingTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing bundled mapping table [" + resource + "]");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                line = stripBomAndCr(line, lineNumber);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException("Malformed line " + lineNumber + " in [" + resource + "]: " + line);
                }
                String targets = line.substring(tab + 1).strip();
                int space = targets.indexOf(' ');
                String target = space < 0 ? targets : targets.substring(0, space);
                sink.accept(unescape(line.substring(0, tab)), unescape(target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled mapping table [" + resource + "]", e);
        }
    }

    private static String stripBomAndCr(String line, int lineNumber) {
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
