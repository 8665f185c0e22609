package org.policysearch.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Frequency ranks of common Han characters (Simplified and Traditional), from {@code ingest/charset/common-chars.txt}. */
final class CommonChars {

    static final String RESOURCE = "/ingest/charset/common-chars.txt";

    private static final CommonChars DEFAULT = load();

    /** Ranks of the BMP by code point, -1 when not listed: looked up for every character of every decoding. */
    private final int[] bmpRanks = new int[Character.MAX_VALUE + 1];

    private final Map<Integer, Integer> supplementaryRanks = new HashMap<>();
    private final int size;

    private CommonChars(Map<Integer, Integer> ranks) {
        Arrays.fill(bmpRanks, -1);
        ranks.forEach((c, rank) -> {
            if (c <= Character.MAX_VALUE) {
                bmpRanks[c] = rank;
            } else {
                supplementaryRanks.put(c, rank);
            }
        });
        this.size = ranks.size();
    }

    static CommonChars defaults() {
        return DEFAULT;
    }

    /** Rank from 0 (most frequent), or -1 when not listed. */
    int rank(int codePoint) {
        return codePoint <= Character.MAX_VALUE ? bmpRanks[codePoint] : supplementaryRanks.getOrDefault(codePoint, -1);
    }

    int size() {
        return size;
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
            return new CommonChars(ranks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
