package org.policysearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policysearch.clean.TextCleaner;
import org.policysearch.dedup.Candidate;
import org.policysearch.dedup.DedupProperties;
import org.policysearch.dedup.DuplicateResolver;
import org.policysearch.dedup.Fingerprint;
import org.policysearch.dedup.Fingerprinter;
import org.policysearch.dedup.TextNormalizer;
import org.policysearch.extract.BigramF1;
import org.policysearch.extract.DocumentExtractor;
import org.policysearch.extract.Extraction;
import org.policysearch.extract.ExtractionProperties;
import org.policysearch.index.PolicyDocument;
import org.policysearch.web.ApiException;
import org.yaml.snakeyaml.Yaml;

/**
 * Quality of the whole pipeline (extract → clean → metadata → fingerprint → duplicate links), without Elasticsearch,
 * over every fixture of {@code fixtures/manifest.yml} (format in its header), in manifest order as if uploaded one
 * after the other. Prints one report and fails when a score drops under its pinned minimum.
 */
class PipelineEvaluationTest {

    // Pinned at what the pipeline reaches on the fixtures: any regression fails the build.
    private static final int MAX_RESIDUE = 0;
    private static final double MIN_RECALL = 1.0;
    private static final double MIN_TITLE_ACCURACY = 1.0;
    private static final double MIN_DATE_ACCURACY = 1.0;
    private static final double MIN_DUPLICATE_PRECISION = 1.0;
    private static final double MIN_DUPLICATE_RECALL = 1.0;
    /** Pinned a little under the measured mean over the 664 school-site pages (see the printed report). */
    private static final double MIN_SHARED_MEAN_F1 = 0.95;

    private static DocumentExtractor extractor;
    private static IngestService pipeline;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(ExtractionProperties.defaults());
        // analyse() touches neither the original store nor the index: the pipeline alone, as the service runs it.
        pipeline = analysisOnly(extractor, null);
    }

    /** The pipeline without the original store, the index or counts: what {@code analyse()} and duplicate links use. */
    static IngestService analysisOnly(DocumentExtractor extractor, DuplicateResolver resolver) {
        return new IngestService(
                extractor,
                new TextCleaner(),
                new org.policysearch.metadata.MetadataExtractor(),
                new Fingerprinter(new TextNormalizer()),
                resolver,
                null,
                null,
                null,
                null);
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private record Scored(
            String file,
            String detected,
            int residue,
            List<String> residueItems,
            int found,
            int expected,
            List<String> missing,
            boolean titleOk,
            String title,
            boolean dateOk,
            String date,
            String refusal) {}

    @Test
    void everyFixtureThroughTheWholePipeline() throws IOException {
        DuplicateResolver resolver = new DuplicateResolver(new DedupProperties(0.7));
        List<Map<String, Object>> fixtures = manifest();
        List<Scored> scores = new ArrayList<>();
        List<Candidate> indexed = new ArrayList<>();
        Map<String, String> clusterOf = new LinkedHashMap<>();
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (Map<String, Object> fixture : fixtures) {
            String file = (String) fixture.get("file");
            byte[] bytes = bytes(file);
            String sha = OriginalStore.sha256(bytes);
            PolicyDocument d;
            try {
                d = pipeline.analyse(
                        bytes,
                        new OriginalStore.OriginalInfo(
                                sha, Path.of(file).getFileName().toString(), null, bytes.length, null));
            } catch (ApiException refused) {
                scores.add(refusedScore(fixture, refused));
                continue;
            }
            Fingerprint fp = Fingerprint.restore(d.exactHash(), d.minhash(), d.lshBands());
            String representative = resolver.representativeOf(fp, indexed).orElse(null);
            indexed.add(new Candidate(file, fp, representative));
            clusterOf.put(file, representative == null ? file : representative);
            if (fixture.get("duplicateGroup") != null) {
                groupOf.put(file, (String) fixture.get("duplicateGroup"));
            }
            scores.add(score(fixture, d));
        }

        int residue = scores.stream().mapToInt(Scored::residue).sum();
        int found = scores.stream().mapToInt(Scored::found).sum();
        int expected = scores.stream().mapToInt(Scored::expected).sum();
        double recall = found / (double) expected;
        double titles = scores.stream().filter(Scored::titleOk).count() / (double) scores.size();
        double dates = scores.stream().filter(Scored::dateOk).count() / (double) scores.size();
        Set<String> predicted = pairs(clusterOf);
        Set<String> gold = pairs(groupOf);
        Set<String> right = new HashSet<>(predicted);
        right.retainAll(gold);
        double dupPrecision = predicted.isEmpty() ? 1 : right.size() / (double) predicted.size();
        double dupRecall = gold.isEmpty() ? 1 : right.size() / (double) gold.size();

        StringBuilder report = new StringBuilder("Pipeline evaluation over ")
                .append(scores.size())
                .append(" fixtures\n");
        for (Scored s : scores) {
            report.append(String.format(
                    "  %-42s %-34s residue %d, recall %d/%d, title %s, date %s%s%n",
                    s.file(),
                    s.detected(),
                    s.residue(),
                    s.found(),
                    s.expected(),
                    s.titleOk() ? "ok" : "WRONG «" + s.title() + "»",
                    s.dateOk() ? "ok" : "WRONG " + s.date(),
                    s.refusal() == null ? "" : " REFUSED " + s.refusal()));
            s.residueItems()
                    .forEach(r -> report.append("      residue: ").append(r).append('\n'));
            s.missing().forEach(m -> report.append("      missing: ").append(m).append('\n'));
        }
        report.append(String.format(
                "Overall: residue %d, content recall %.4f (%d/%d), title accuracy %.4f, date accuracy %.4f,"
                        + " duplicate pairs precision %.4f recall %.4f (%d predicted, %d gold, %d groups)%n",
                residue,
                recall,
                found,
                expected,
                titles,
                dates,
                dupPrecision,
                dupRecall,
                predicted.size(),
                gold.size(),
                new HashSet<>(groupOf.values()).size()));
        if (!predicted.equals(gold)) {
            report.append("  predicted pairs: ").append(predicted).append('\n');
            report.append("  gold pairs:      ").append(gold).append('\n');
        }
        System.out.print(report);

        assertThat(residue).as(report.toString()).isLessThanOrEqualTo(MAX_RESIDUE);
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(titles).as(report.toString()).isGreaterThanOrEqualTo(MIN_TITLE_ACCURACY);
        assertThat(dates).as(report.toString()).isGreaterThanOrEqualTo(MIN_DATE_ACCURACY);
        assertThat(dupPrecision).as(report.toString()).isGreaterThanOrEqualTo(MIN_DUPLICATE_PRECISION);
        assertThat(dupRecall).as(report.toString()).isGreaterThanOrEqualTo(MIN_DUPLICATE_RECALL);
        assertThat(new HashSet<>(groupOf.values())).as("duplicate groups").hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * The 664 school-site pages through extraction and cleaning as uploads (bytes, by content type), scored by
     * character-bigram F1 of {@code title + text} against the gold text (heading and body).
     */
    @Test
    void sharedSchoolSitePagesThroughExtractAndClean() throws IOException {
        Path corpus = Path.of(System.getProperty("policy.shared-dir", "../shared"))
                .resolve("corpus/party_building_school_site");
        if (!Files.isRegularFile(corpus.resolve("index.jsonl"))) {
            System.out.println("SKIPPED: PipelineEvaluationTest needs " + corpus + ", ../shared absent");
            Assumptions.assumeTrue(false, "../shared absent");
        }
        TextCleaner cleaner = new TextCleaner();
        ObjectMapper json = new ObjectMapper();
        List<Map.Entry<String, BigramF1>> scores = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = json.readTree(line);
            Path html = corpus.resolve(entry.get("raw_html").asText());
            String gold = Files.readString(corpus.resolve(entry.get("file").asText()), StandardCharsets.UTF_8);
            Extraction e = extractor.extract(
                    Files.readAllBytes(html), html.getFileName().toString());
            String text = e.ok() ? cleaner.clean(e.text(), null).text() : "";
            String title = Objects.requireNonNullElse(e.title(), "");
            scores.add(Map.entry(entry.get("id").asText(), BigramF1.of(title + "\n" + text, gold)));
        }
        double f1 =
                scores.stream().mapToDouble(s -> s.getValue().f1()).average().orElse(0);
        StringBuilder report = new StringBuilder(String.format(
                "party_building_school_site through extract+clean: %d pages, mean bigram F1 %.4f, P %.4f, R %.4f%n",
                scores.size(),
                f1,
                scores.stream()
                        .mapToDouble(s -> s.getValue().precision())
                        .average()
                        .orElse(0),
                scores.stream()
                        .mapToDouble(s -> s.getValue().recall())
                        .average()
                        .orElse(0)));
        scores.stream()
                .sorted(Comparator.comparingDouble(s -> s.getValue().f1()))
                .limit(5)
                .forEach(s -> report.append(String.format(
                        "  worst %s F1 %.4f%n", s.getKey(), s.getValue().f1())));
        System.out.print(report);
        assertThat(scores).hasSize(664);
        assertThat(f1).as(report.toString()).isGreaterThanOrEqualTo(MIN_SHARED_MEAN_F1);
    }

    private static Scored score(Map<String, Object> fixture, PolicyDocument d) {
        String text = bare(d.text());
        List<String> residue = new ArrayList<>();
        for (Object item : (List<?>) fixture.getOrDefault("mustExclude", List.of())) {
            String s = item instanceof Map<?, ?> m ? (String) m.get("text") : (String) item;
            if (text.contains(bare(s))) {
                residue.add(s);
            }
        }
        List<?> includes = (List<?>) fixture.get("mustInclude");
        List<String> missing = new ArrayList<>();
        for (Object include : includes) {
            if (!text.contains(bare((String) include))) {
                missing.add((String) include);
            }
        }
        boolean titleOk = spaced((String) fixture.get("title")).equals(spaced(d.title()));
        boolean dateOk = Objects.equals(fixture.get("date"), d.date());
        return new Scored(
                (String) fixture.get("file"),
                d.contentType() + (d.charset() == null ? "" : " " + d.charset()) + " " + d.script(),
                residue.size(),
                residue,
                includes.size() - missing.size(),
                includes.size(),
                missing,
                titleOk,
                d.title(),
                dateOk,
                d.date(),
                null);
    }

    private static Scored refusedScore(Map<String, Object> fixture, ApiException refused) {
        List<String> includes = ((List<?>) fixture.get("mustInclude"))
                .stream().map(String.class::cast).toList();
        return new Scored(
                (String) fixture.get("file"),
                "-",
                0,
                List.of(),
                0,
                includes.size(),
                includes,
                false,
                null,
                false,
                null,
                refused.code().code());
    }

    /** Every unordered pair of files that share a key (cluster representative or gold group). */
    private static Set<String> pairs(Map<String, String> keyOf) {
        List<String> files = new ArrayList<>(keyOf.keySet());
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            for (int j = i + 1; j < files.size(); j++) {
                if (keyOf.get(files.get(i)).equals(keyOf.get(files.get(j)))) {
                    pairs.add(files.get(i) + " ~ " + files.get(j));
                }
            }
        }
        return pairs;
    }

    static List<Map<String, Object>> manifest() throws IOException {
        try (InputStream in = PipelineEvaluationTest.class.getResourceAsStream("/fixtures/manifest.yml")) {
            Map<String, List<Map<String, Object>>> manifest = new Yaml().load(in);
            return manifest.get("fixtures");
        }
    }

    private static byte[] bytes(String file) throws IOException {
        try (InputStream in = PipelineEvaluationTest.class.getResourceAsStream("/fixtures/" + file)) {
            assertThat(in).as("fixture file %s", file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String bare(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    private static String spaced(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    }
}
