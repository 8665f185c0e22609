package org.policysearch.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policysearch.SharedData;
import org.policysearch.index.PolicyDocument;
import org.policysearch.index.TestDocument;
import org.policysearch.metadata.DocNumbers;

/**
 * The three judged corpora of {@code ../shared/corpus} as {@link PolicyDocument}s, bulk-indexed once per JVM into
 * the test alias (the relevance evaluation and the substring-recall test share them). {@code source} is the corpus
 * name, so evaluations can keep other tests' documents out.
 */
final class Corpus {

    static final List<String> NAMES = List.of("laws_lawrefbook", "xinwen_lianbo_cctv", "party_building_school_site");

    // A number cited near the top of a document is its own number (the header of a judicial interpretation).
    private static final Pattern NUMBER = Pattern.compile("\\p{IsHan}{2,6}[〔\\[［（(](?:19|20)\\d{2}[〕\\]］）)]\\d{1,4}号");
    private static final int HEADER_CHARS = 300;
    private static final long BATCH_BYTES = 6_000_000;
    private static final int BATCH_DOCS = 500;

    private static List<PolicyDocument> documents;
    private static boolean indexed;

    private Corpus() {}

    /** The documents, or a skipped test when {@code ../shared} is absent. */
    static synchronized List<PolicyDocument> documents() throws IOException {
        if (documents == null) {
            List<PolicyDocument> all = new ArrayList<>();
            for (String name : NAMES) {
                all.addAll(read(name, SharedData.require("corpus/" + name)));
            }
            documents = List.copyOf(all);
        }
        return documents;
    }

    static synchronized void ensureIndexed(ElasticsearchClient client, String alias) throws IOException {
        List<PolicyDocument> docs = documents();
        if (indexed) {
            return;
        }
        long start = System.nanoTime();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        long bytes = 0;
        int count = 0;
        for (PolicyDocument d : docs) {
            bulk.operations(o -> o.index(i -> i.index(alias).id(d.id()).document(d)));
            bytes += d.text().length() * 3L;
            if (++count == BATCH_DOCS || bytes > BATCH_BYTES) {
                send(client, bulk.build());
                bulk = new BulkRequest.Builder();
                bytes = 0;
                count = 0;
            }
        }
        if (count > 0) {
            send(client, bulk.build());
        }
        client.indices().refresh(r -> r.index(alias));
        indexed = true;
        System.out.printf(
                "Indexed %d corpus documents in %d s%n", docs.size(), (System.nanoTime() - start) / 1_000_000_000);
    }

    private static void send(ElasticsearchClient client, BulkRequest request) throws IOException {
        BulkResponse response = client.bulk(request);
        if (response.errors()) {
            throw new IllegalStateException("Bulk indexing failed: "
                    + response.items().stream()
                            .filter(i -> i.error() != null)
                            .findFirst()
                            .map(i -> i.id() + " " + i.error().reason())
                            .orElse("?"));
        }
    }

    private static List<PolicyDocument> read(String name, Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<PolicyDocument> out = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(dir.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = json.readTree(line);
                String text = Files.readString(dir.resolve(row.get("file").asText()), StandardCharsets.UTF_8);
                String date = text(row, "date");
                String type = switch (name) {
                    case "laws_lawrefbook" -> text(row, "level");
                    case "xinwen_lianbo_cctv" -> "新闻";
                    default -> "党建学习材料";
                };
                Matcher number = NUMBER.matcher(text.substring(0, Math.min(HEADER_CHARS, text.length())));
                String docNumber =
                        number.find() ? DocNumbers.normalize(number.group()).orElse(null) : null;
                out.add(TestDocument.builder(row.get("id").asText())
                        .title(row.get("title").asText())
                        .text(text)
                        .date(date)
                        .source(name)
                        .issuingBody(text(row, "issuing_body"))
                        .docNumber(docNumber)
                        .type(type)
                        .plainText()
                        .size((long) text.length())
                        .build());
            }
        }
        return out;
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.asText().isBlank() ? null : v.asText();
    }
}
