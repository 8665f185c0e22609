package org.policysearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.policysearch.SharedData;
import org.policysearch.dedup.Fingerprint;
import org.policysearch.dedup.Fingerprinter;
import org.policysearch.index.PolicyDocument;
import org.policysearch.ingest.IngestService;
import org.policysearch.ingest.OriginalStore;

/**
 * Any number of article-sized documents generated from {@code ../shared/corpus}: every corpus document is analysed
 * once by the service ({@link IngestService#analyse}: extraction, cleaning, metadata, fingerprint); generated document
 * {@code i} is a run of consecutive paragraphs of one of them (chosen with a seed derived from {@code i}), cut at a
 * sentence end near a length drawn uniformly from 0.4–1.6 × the mean, under the source's title, with the source's
 * analysed metadata (date, type, issuing body, regions, topics, keywords, document number) and a fingerprint of its
 * own text, ending with a serial line. The same {@code i} always gives the same document.
 */
final class GeneratedCorpus {

    static final List<String> CORPORA = List.of("laws_lawrefbook", "xinwen_lianbo_cctv", "party_building_school_site");

    /** One corpus document: its title, its analysis (null when not analysed) and its paragraphs. */
    record Source(String title, PolicyDocument analysed, String[] paragraphs) {}

    private final List<Source> sources;
    private final int meanChars;
    private final long seed;
    /** Service CPU (all threads of the analysis) per corpus document, in ms. */
    private final double analysisCpuMillisPerSource;

    private GeneratedCorpus(List<Source> sources, int meanChars, long seed, double analysisCpuMillisPerSource) {
        this.sources = sources;
        this.meanChars = meanChars;
        this.seed = seed;
        this.analysisCpuMillisPerSource = analysisCpuMillisPerSource;
    }

    /** The analysed corpus, kept between runs: analysing it takes minutes on a busy box. */
    record Analysed(double cpuMillisPerDocument, List<PolicyDocument> documents) {}

    /**
     * Reads and analyses every corpus text file on {@code threads} threads (skipped test without ../shared), or
     * reads the analysis an earlier run kept in {@code cache}.
     */
    static GeneratedCorpus load(IngestService ingest, int meanChars, long seed, int threads, Path cache)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        Analysed analysed;
        if (Files.exists(cache)) {
            analysed = json.readValue(cache.toFile(), Analysed.class);
        } else {
            analysed = analyse(ingest, threads);
            Files.createDirectories(cache.toAbsolutePath().getParent());
            json.writeValue(cache.toFile(), analysed);
        }
        List<Source> sources = new ArrayList<>();
        for (PolicyDocument d : analysed.documents()) {
            String[] paragraphs = Arrays.stream(d.text().split("\n"))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toArray(String[]::new);
            if (paragraphs.length > 0) {
                sources.add(new Source(d.title() == null ? "" : d.title(), d, paragraphs));
            }
        }
        return new GeneratedCorpus(List.copyOf(sources), meanChars, seed, analysed.cpuMillisPerDocument());
    }

    private static Analysed analyse(IngestService ingest, int threads) throws Exception {
        List<Path> files = files();
        long cpu0 = Machine.serviceCpuMillis();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<PolicyDocument>> futures = new ArrayList<>();
        for (Path f : files) {
            futures.add(pool.submit(() -> {
                byte[] bytes = Files.readAllBytes(f);
                return ingest.analyse(
                        bytes,
                        new OriginalStore.OriginalInfo(
                                OriginalStore.sha256(bytes),
                                f.getFileName().toString(),
                                null,
                                bytes.length,
                                Instant.now().toString()));
            }));
        }
        List<PolicyDocument> documents = new ArrayList<>();
        for (Future<PolicyDocument> future : futures) {
            documents.add(future.get());
        }
        pool.shutdown();
        return new Analysed((Machine.serviceCpuMillis() - cpu0) / (double) files.size(), documents);
    }

    /**
     * The corpus text files as they are, unanalysed (title: the first line): enough to write new files to upload,
     * without the minutes the analysis of the whole corpus takes.
     */
    static GeneratedCorpus unanalysed(int meanChars, long seed) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path f : files()) {
            String[] lines = Files.readString(f, StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toArray(String[]::new);
            if (lines.length > 1) {
                sources.add(new Source(lines[0], null, Arrays.copyOfRange(lines, 1, lines.length)));
            }
        }
        return new GeneratedCorpus(List.copyOf(sources), meanChars, seed, 0);
    }

    private static List<Path> files() throws IOException {
        Path corpus = SharedData.require("corpus");
        List<Path> files = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String name : CORPORA) {
            Path dir = corpus.resolve(name);
            try (BufferedReader lines = Files.newBufferedReader(dir.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    files.add(dir.resolve(json.readTree(line).get("file").asText()));
                }
            }
        }
        return files;
    }

    int sourceCount() {
        return sources.size();
    }

    double analysisCpuMillisPerSource() {
        return analysisCpuMillisPerSource;
    }

    /** The title and body of document {@code i}, as a plain-text file would hold them (title line first). */
    String fileText(long i) {
        Piece p = piece(i);
        return p.title() + "\n\n" + p.body();
    }

    /** Document {@code i} as the service would index it, analysis taken from its source. */
    PolicyDocument document(long i, Fingerprinter fingerprinter) {
        Piece p = piece(i);
        PolicyDocument s = p.source().analysed();
        byte[] bytes = (p.title() + "\n\n" + p.body()).getBytes(StandardCharsets.UTF_8);
        String sha = OriginalStore.sha256(bytes);
        Fingerprint fp = fingerprinter.fingerprint(p.body());
        return new PolicyDocument(
                IngestService.idOf(sha),
                p.title(),
                p.body(),
                s.date(),
                s.year(),
                s.source(),
                null,
                s.author(),
                s.issuingBody(),
                s.docNumber(),
                s.type(),
                s.regions(),
                s.topics(),
                s.keywords(),
                s.script(),
                s.flags(),
                null,
                null,
                s.contentType(),
                s.charset(),
                s.rulesFired(),
                s.provenance(),
                Instant.now().toString(),
                "gen-" + i + ".txt",
                (long) bytes.length,
                sha,
                fp.exactHash(),
                fp.encodedMinhash(),
                fp.bands());
    }

    private record Piece(Source source, String title, String body) {}

    private Piece piece(long i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        Source s = sources.get(random.nextInt(sources.size()));
        int target = (int) (meanChars * (0.4 + 1.2 * random.nextDouble()));
        String[] paragraphs = s.paragraphs();
        int start = random.nextInt(paragraphs.length);
        StringBuilder body = new StringBuilder();
        for (int k = start; k < paragraphs.length && body.length() < target; k++) {
            if (!body.isEmpty()) {
                body.append('\n');
            }
            body.append(paragraphs[k]);
        }
        // A long paragraph (a law's article, a speech) is cut at the last sentence end before 1.3 × the target.
        int limit = (int) (target * 1.3);
        if (body.length() > limit) {
            int cut = body.lastIndexOf("。", limit);
            body.setLength(cut > target / 2 ? cut + 1 : limit);
        }
        // Short corpus documents give the same piece again (13 % of pieces at a 700-character mean): a serial line
        // makes every generated file, and so its id, distinct.
        body.append("\n（编号 gen-").append(i).append('）');
        return new Piece(s, s.title(), body.toString());
    }
}
