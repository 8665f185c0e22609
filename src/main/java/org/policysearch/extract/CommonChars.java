package org.policysearch.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Frequency ranks of common Han characters (Simplified and Traditional), from {@code ingest/charset/common-chars.txt}. */
final class CommonChars {

    static final String RESOURCE = "/ingest/charset/common-chars.txt";

    private static final CommonChars DEFAULT = load();

    private final Map<Integer, Integer> ranks;

    private CommonChars(Map<Integer, Integer> ranks) {
        this.ranks = ranks;
    }

    static CommonChars defaults() {
        return DEFAULT;
    }

    /** Rank from 0 (most frequent), or -1 when not listed. */
    int rank(int codePoint) {
        return ranks.getOrDefault(codePoint, -1);
    }

    int size() {
        return ranks.size();
    }

    private static CommonChars load() {
        try (InputStream in = CommonChars.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Map<Integer, Integer> ranks = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                line.codePoints()
                        .filter(c -> !Character.isWhitespace(c))
                        .forEach(c -> ranks.putIfAbsent(c, ranks.size()));
            }
            return new CommonChars(Map.copyOf(ranks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
