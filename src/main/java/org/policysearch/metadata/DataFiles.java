package org.policysearch.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/** Reads the vocabularies shipped on the classpath under {@code ingest/metadata/}. */
final class DataFiles {

    private DataFiles() {}

    /** Non-blank lines that are not {@code #} comments, stripped. */
    static List<String> lines(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            return r.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tab-separated columns of {@link #lines}. */
    static List<String[]> rows(String name) {
        return lines(name).stream().map(l -> l.split("\t")).toList();
    }

    static <T> T yaml(String name) {
        try (InputStream in = open(name)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        String resource = "/ingest/metadata/" + name;
        return Objects.requireNonNull(DataFiles.class.getResourceAsStream(resource), resource + " missing");
    }
}
