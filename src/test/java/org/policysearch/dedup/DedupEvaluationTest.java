package org.policysearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pairwise duplicate precision and recall over ~300 real documents and five modified copies of each, found the way
 * the index finds them (exact hash or a shared LSH band key, then {@link DuplicateResolver}), with documents arriving
 * in random order. Prints a report; pins what is achieved, minus a margin.
 */
class DedupEvaluationTest {

    private static final int PER_COLLECTION = 150;
    private static final double THRESHOLD = 0.7;

    record Original(String id, String title, String text) {}

    record Item(String id, Original source, CopyMaker.Kind kind, String text) {}

    record Score(long predictedPairs, long goldPairs, long truePairs, List<int[]> falsePairs) {
        double precision() {
            return predictedPairs == 0 ? 1.0 : truePairs / (double) predictedPairs;
        }

        double recall() {
            return truePairs / (double) goldPairs;
        }
    }

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void findsCopiesOfRealDocumentsAndNothingElse() throws IOException {
        List<Original> originals = new ArrayList<>();
        originals.addAll(sample(Fixtures.sharedDir("corpus/xinwen_lianbo_cctv"), 1));
        originals.addAll(sample(Fixtures.sharedDir("corpus/laws_lawrefbook"), 2));
        List<Item> items = withCopies(originals);
        Collections.shuffle(items, new Random(7));
        StringBuilder report = new StringBuilder("\n=== Duplicate detection evaluation ===\n");
        report.append(String.format(
                "%d originals (%d news, %d laws) + %d copies = %d documents, %d gold duplicate pairs%n",
                originals.size(),
                PER_COLLECTION,
                PER_COLLECTION,
                items.size() - originals.size(),
                items.size(),
                originals.size() * 15L));

        reportNormalizerSpeed(originals, report);
        reportScriptRoundTrip(originals, report);

        Map<Integer, Score> byShingle = new TreeMap<>();
        Fingerprint[] chosen = null;
        for (int k = 3; k <= 6; k++) {
            Fingerprinter fingerprinter = new Fingerprinter(normalizer, k, LshBands.DEFAULT);
            long start = System.nanoTime();
            Fingerprint[] fingerprints =
                    items.stream().map(i -> fingerprinter.fingerprint(i.text())).toArray(Fingerprint[]::new);
            double seconds = (System.nanoTime() - start) / 1e9;
            Score score = resolve(items, fingerprints, THRESHOLD);
            byShingle.put(k, score);
            report.append(String.format(
                    "k=%d  P=%.4f R=%.4f  (predicted %d, true %d)  fingerprinting %.0f docs/s, %.1f MB/s%n",
                    k,
                    score.precision(),
                    score.recall(),
                    score.predictedPairs(),
                    score.truePairs(),
                    items.size() / seconds,
                    utf8Bytes(items) / seconds / 1e6));
            if (k == Fingerprinter.DEFAULT_SHINGLE_LENGTH) {
                chosen = fingerprints;
            }
        }

        report.append("\nThreshold sweep at k=")
                .append(Fingerprinter.DEFAULT_SHINGLE_LENGTH)
                .append(":\n");
        for (double t : new double[] {0.6, 0.7, 0.75, 0.8, 0.85, 0.9}) {
            Score s = resolve(items, chosen, t);
            report.append(String.format("  t=%.2f  P=%.4f R=%.4f%n", t, s.precision(), s.recall()));
        }
        reportPerKind(items, chosen, report);

        Score score = byShingle.get(Fingerprinter.DEFAULT_SHINGLE_LENGTH);
        int genuine = reportFalsePairs(items, chosen, score, report);
        double explainedPrecision = (score.truePairs() + genuine) / (double) score.predictedPairs();
        report.append(String.format(
                "%nDefault (k=%d, t=%.2f): P=%.4f (%.4f counting genuine corpus near-duplicates as right) R=%.4f%n",
                Fingerprinter.DEFAULT_SHINGLE_LENGTH,
                THRESHOLD,
                score.precision(),
                explainedPrecision,
                score.recall()));
        System.out.println(report);

        // Measured: P 0.9913 raw (all wrong merges are copies of the corpus's own duplicate, law-0666 = law-0770),
        // 1.0 explained; R 0.9178.
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(explainedPrecision).isGreaterThanOrEqualTo(0.995);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.96);
    }

    /**
     * Documents written from one template or amending one law share long phrases; none of them is a copy of another.
     */
    @Test
    void lawsOfOneFamilyAreNotDuplicatesOfEachOther() throws IOException {
        Path laws = Fixtures.sharedDir("corpus/laws_lawrefbook/docs");
        List<List<String>> families = List.of(
                List.of("0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013"),
                List.of("0454", "0455", "0456", "0457", "0458"),
                List.of("0104", "0105"),
                List.of("0826", "1472", "1543", "1544", "1665"));
        Fingerprinter fingerprinter = new Fingerprinter(normalizer);
        DuplicateResolver resolver = new DuplicateResolver(new DedupProperties(THRESHOLD));
        double highest = 0;
        String highestPair = "";
        for (List<String> family : families) {
            List<Candidate> indexed = new ArrayList<>();
            for (String id : family) {
                Fingerprint fingerprint =
                        fingerprinter.fingerprint(Files.readString(laws.resolve("law-" + id + ".txt")));
                assertThat(resolver.representativeOf(fingerprint, indexed))
                        .as("law-" + id)
                        .isEmpty();
                for (Candidate other : indexed) {
                    double similarity = Fingerprint.similarity(fingerprint, other.fingerprint());
                    if (similarity > highest) {
                        highest = similarity;
                        highestPair = other.id() + " ~ law-" + id;
                    }
                }
                indexed.add(new Candidate("law-" + id, fingerprint, null));
            }
        }
        System.out.printf("Hard negatives (law families): highest estimated Jaccard %.3f (%s)%n", highest, highestPair);
    }

    /** Every {@code step}-th-ish document, spread evenly over the collection, skipping near-empty ones. */
    private static List<Original> sample(Path collection, int salt) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> index = new ArrayList<>();
        for (String line : Files.readAllLines(collection.resolve("index.jsonl"))) {
            index.add(json.readTree(line));
        }
        List<Original> sample = new ArrayList<>();
        int stride = index.size() / PER_COLLECTION;
        for (int i = salt; sample.size() < PER_COLLECTION && i < index.size(); i += stride) {
            JsonNode entry = index.get(i);
            String text = Files.readString(collection.resolve(entry.get("file").asText()));
            sample.add(new Original(entry.get("id").asText(), entry.get("title").asText(), text));
        }
        return sample;
    }

    private static List<Item> withCopies(List<Original> originals) {
        CopyMaker maker = new CopyMaker(20240601);
        List<Item> items = new ArrayList<>();
        for (Original original : originals) {
            items.add(new Item(original.id(), original, null, original.text()));
            for (CopyMaker.Kind kind : CopyMaker.Kind.values()) {
                items.add(new Item(
                        original.id() + "~" + kind,
                        original,
                        kind,
                        maker.copy(original.title(), original.text(), kind)));
            }
        }
        return items;
    }

    /**
     * Ingests the items in order as the service would: candidates are the earlier documents sharing the exact hash or
     * a band key; the resolver's answer becomes the new document's {@code duplicateOf}.
     */
    private static Score resolve(List<Item> items, Fingerprint[] fingerprints, double threshold) {
        DuplicateResolver resolver = new DuplicateResolver(new DedupProperties(threshold));
        Map<String, List<Integer>> index = new HashMap<>();
        String[] duplicateOf = new String[items.size()];
        String[] cluster = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Fingerprint fingerprint = fingerprints[i];
            Set<Integer> found = new LinkedHashSet<>();
            for (String key : keys(fingerprint)) {
                found.addAll(index.getOrDefault(key, List.of()));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int j : found) {
                candidates.add(new Candidate(items.get(j).id(), fingerprints[j], duplicateOf[j]));
            }
            duplicateOf[i] = resolver.representativeOf(fingerprint, candidates).orElse(null);
            cluster[i] = duplicateOf[i] != null ? duplicateOf[i] : items.get(i).id();
            for (String key : keys(fingerprint)) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        long predicted = 0;
        long gold = 0;
        long truePairs = 0;
        List<int[]> falsePairs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                boolean same = cluster[i].equals(cluster[j]);
                boolean copies = items.get(i).source() == items.get(j).source();
                predicted += same ? 1 : 0;
                gold += copies ? 1 : 0;
                truePairs += same && copies ? 1 : 0;
                if (same && !copies) {
                    falsePairs.add(new int[] {i, j});
                }
            }
        }
        return new Score(predicted, gold, truePairs, falsePairs);
    }

    private static List<String> keys(Fingerprint fingerprint) {
        List<String> keys = new ArrayList<>(fingerprint.bands());
        keys.add("exact_" + fingerprint.exactHash());
        return keys;
    }

    private void reportPerKind(List<Item> items, Fingerprint[] fingerprints, StringBuilder report) {
        Map<Original, Integer> originalAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).kind() == null) {
                originalAt.put(items.get(i).source(), i);
            }
        }
        report.append("\nCopy vs its original (estimated Jaccard; share of pairs with a common band or hash):\n");
        for (CopyMaker.Kind kind : CopyMaker.Kind.values()) {
            List<Double> similarities = new ArrayList<>();
            int exact = 0;
            int found = 0;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).kind() != kind) {
                    continue;
                }
                Fingerprint original = fingerprints[originalAt.get(items.get(i).source())];
                Fingerprint copy = fingerprints[i];
                similarities.add(Fingerprint.similarity(copy, original));
                exact += copy.exactHash().equals(original.exactHash()) ? 1 : 0;
                Set<String> shared = new HashSet<>(keys(copy));
                shared.retainAll(keys(original));
                found += shared.isEmpty() ? 0 : 1;
            }
            Collections.sort(similarities);
            report.append(String.format(
                    "  %-17s min %.3f  p5 %.3f  median %.3f  exact %3d/%d  band-or-hash %3d/%d%n",
                    kind,
                    similarities.get(0),
                    similarities.get(similarities.size() / 20),
                    similarities.get(similarities.size() / 2),
                    exact,
                    similarities.size(),
                    found,
                    similarities.size()));
        }
    }

    /**
     * Lists wrongly merged pairs by their originals and the exact shingle Jaccard of the two originals: at or above
     * the threshold, the corpus itself holds near-duplicates and the merge is right. Returns how many such pairs.
     */
    private int reportFalsePairs(List<Item> items, Fingerprint[] fingerprints, Score score, StringBuilder report) {
        Map<String, Double> bySources = new TreeMap<>();
        int genuine = 0;
        for (int[] pair : score.falsePairs()) {
            Original a = items.get(pair[0]).source();
            Original b = items.get(pair[1]).source();
            String key = a.id().compareTo(b.id()) < 0 ? a.id() + " " + b.id() : b.id() + " " + a.id();
            double jaccard = bySources.computeIfAbsent(key, k -> exactJaccard(a.text(), b.text()));
            genuine += jaccard >= THRESHOLD ? 1 : 0;
        }
        report.append(String.format(
                "%nWrongly merged pairs: %d, between %d pairs of originals:%n",
                score.falsePairs().size(), bySources.size()));
        bySources.entrySet().stream()
                .limit(20)
                .forEach(e -> report.append(
                        String.format("  %s  exact Jaccard of the originals %.3f%n", e.getKey(), e.getValue())));
        return genuine;
    }

    private double exactJaccard(String a, String b) {
        Set<String> x = shingles(normalizer.normalize(a));
        Set<String> y = shingles(normalizer.normalize(b));
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return x.size() / (double) union.size();
    }

    private static Set<String> shingles(String text) {
        int k = Math.min(Fingerprinter.DEFAULT_SHINGLE_LENGTH, text.length());
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + k <= text.length(); i++) {
            shingles.add(text.substring(i, i + k));
        }
        return shingles;
    }

    private void reportNormalizerSpeed(List<Original> originals, StringBuilder report) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; joined.length() < 100_000; i++) {
            joined.append(originals.get(i).text());
        }
        String traditional = ZhConverterUtil.toTraditional(joined.substring(0, 100_000));
        long[] ours = new long[15];
        long[] opencc = new long[5];
        for (int i = 0; i < ours.length; i++) {
            long start = System.nanoTime();
            normalizer.normalize(traditional);
            ours[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < opencc.length; i++) {
            long start = System.nanoTime();
            ZhConverterUtil.toSimple(traditional);
            opencc[i] = System.nanoTime() - start;
        }
        Arrays.sort(ours);
        Arrays.sort(opencc);
        report.append(String.format(
                "Per 100k Traditional characters (median): TextNormalizer.normalize %.1f ms (whole normalisation),"
                        + " opencc4j ZhConverterUtil.toSimple %.1f ms (script only)%n",
                ours[ours.length / 2] / 1e6, opencc[opencc.length / 2] / 1e6));
    }

    private void reportScriptRoundTrip(List<Original> originals, StringBuilder report) {
        int same = 0;
        List<String> differences = new ArrayList<>();
        for (Original original : originals) {
            String a = normalizer.normalize(original.text());
            String b = normalizer.normalize(ZhConverterUtil.toTraditional(original.text()));
            if (a.equals(b)) {
                same++;
            } else {
                int at = 0;
                while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                differences.add(original.id() + " " + a.substring(Math.max(0, at - 4), Math.min(a.length(), at + 4))
                        + "≠" + b.substring(Math.max(0, at - 4), Math.min(b.length(), at + 4)));
            }
        }
        report.append(String.format(
                "opencc4j toTraditional copies normalising to exactly the original: %d/%d %s%n",
                same, originals.size(), differences));
    }

    private static long utf8Bytes(List<Item> items) {
        return items.stream()
                .mapToLong(i -> i.text().getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }
}
