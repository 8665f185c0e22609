package org.policysearch.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds every character of a Traditional/Simplified variant class to one representative, one table look-up per
 * character.
 *
 * <p>Why not {@code ZhConverterUtil.toSimple}: it converts by phrase and measured 77–415 ms per 100k characters
 * here, too slow for every ingested document. A plain Traditional→Simplified character table is fast but not
 * consistent: {@code 干净} becomes {@code 乾淨} in Traditional and folds back to {@code 乾净}, since {@code 乾}
 * is also a valid Simplified character. Dedup only needs both copies to land on the same string, so the classes here
 * are the transitive closure of opencc's character and phrase tables (largest class: 6, e.g. 划劃㓰画畫畵); merging a
 * few distinct characters costs nothing measurable in discrimination.
 */
final class ScriptFolding {

    // The phrase tables add the few relations only visible in context (家具→傢俱 relates 具 and 俱, 并→幷).
    private static final String[] DICTIONARIES = {
        "/data/dictionary/TSCharacters.txt",
        "/data/dictionary/STCharacters.txt",
        "/data/dictionary/TSPhrases.txt",
        "/data/dictionary/STPhrases.txt"
    };

    private static final ScriptFolding INSTANCE = load();

    private final int[] bmp;
    private final Map<Integer, Integer> supplementary;

    private ScriptFolding(int[] bmp, Map<Integer, Integer> supplementary) {
        this.bmp = bmp;
        this.supplementary = supplementary;
    }

    static ScriptFolding instance() {
        return INSTANCE;
    }

    /** The representative of {@code codePoint}'s variant class, or {@code codePoint} itself. */
    int fold(int codePoint) {
        if (codePoint < bmp.length) {
            return bmp[codePoint];
        }
        return supplementary.getOrDefault(codePoint, codePoint);
    }

    private static ScriptFolding load() {
        UnionFind classes = new UnionFind();
        TreeSet<Integer> simplifiedTargets = new TreeSet<>();
        for (String dictionary : DICTIONARIES) {
            boolean traditionalToSimplified = dictionary.contains("/TS");
            try (InputStream in = ScriptFolding.class.getResourceAsStream(dictionary)) {
                if (in == null) {
                    throw new IllegalStateException("opencc4j dictionary missing from the classpath: " + dictionary);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    String[] keyAndValues = line.strip().split("\t");
                    if (keyAndValues.length != 2) {
                        continue;
                    }
                    int[] key = keyAndValues[0].codePoints().toArray();
                    String[] values = keyAndValues[1].split(" ");
                    for (String value : values) {
                        int[] converted = value.codePoints().toArray();
                        // Phrases relate characters position by position; those that change length relate nothing.
                        for (int i = 0; converted.length == key.length && i < key.length; i++) {
                            classes.union(key[i], converted[i]);
                        }
                    }
                    if (traditionalToSimplified && key.length == 1) {
                        simplifiedTargets.add(values[0].codePointAt(0));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Representative: the smallest member that opencc names as a Simplified form (else the smallest member), so
        // normalised text stays mostly Simplified and the choice is deterministic.
        Map<Integer, Integer> representatives = new TreeMap<>();
        for (int member : classes.members()) {
            int root = classes.find(member);
            Integer current = representatives.get(root);
            if (current == null || better(member, current, simplifiedTargets)) {
                representatives.put(root, member);
            }
        }
        int[] bmp = new int[Character.MIN_SUPPLEMENTARY_CODE_POINT];
        for (int c = 0; c < bmp.length; c++) {
            bmp[c] = c;
        }
        Map<Integer, Integer> supplementary = new HashMap<>();
        for (int member : classes.members()) {
            int representative = representatives.get(classes.find(member));
            if (member < bmp.length) {
                bmp[member] = representative;
            } else if (member != representative) {
                supplementary.put(member, representative);
            }
        }
        return new ScriptFolding(bmp, Map.copyOf(supplementary));
    }

    private static boolean better(int candidate, int current, TreeSet<Integer> simplifiedTargets) {
        boolean candidateSimplified = simplifiedTargets.contains(candidate);
        if (candidateSimplified != simplifiedTargets.contains(current)) {
            return candidateSimplified;
        }
        return candidate < current;
    }

    /** Over all code points: arrays rather than maps keep loading the 1 MB phrase table fast. */
    private static final class UnionFind {
        private final int[] parent = new int[Character.MAX_CODE_POINT + 1];
        private final BitSet members = new BitSet();

        UnionFind() {
            Arrays.setAll(parent, c -> c);
        }

        int find(int x) {
            int root = x;
            while (parent[root] != root) {
                root = parent[root];
            }
            parent[x] = root;
            return root;
        }

        void union(int a, int b) {
            if (a == b) {
                return;
            }
            members.set(a);
            members.set(b);
            int rootA = find(a);
            int rootB = find(b);
            if (rootA != rootB) {
                parent[rootA] = rootB;
            }
        }

        int[] members() {
            return members.stream().toArray();
        }
    }
}
