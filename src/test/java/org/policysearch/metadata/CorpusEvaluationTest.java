package org.policysearch.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.SharedData;
import org.policysearch.clean.CleanedText;
import org.policysearch.clean.TextCleaner;

/**
 * Measures the extractor against the gold indexes in {@code ../shared/corpus}. Prints the scores and pins the minimum
 * reached, so a regression shows up as a failure.
 */
class CorpusEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MetadataExtractor EXTRACTOR = new MetadataExtractor();
    private static final TextCleaner CLEANER = new TextCleaner();
    private static final int LAWS = 300;

    private static List<JsonNode> index(Path dir, int limit) throws IOException {
        return Files.readAllLines(dir.resolve("index.jsonl"), StandardCharsets.UTF_8).stream()
                .limit(limit)
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static DocumentMetadata extract(Path dir, JsonNode row) throws IOException {
        String raw = Files.readString(dir.resolve(row.get("file").asText()), StandardCharsets.UTF_8);
        CleanedText c = CLEANER.clean(raw, null);
        return EXTRACTOR.extract(new MetadataInput(c.text(), null, Map.of(), c.keywordLine(), null, null));
    }

    /** Titles are compared with space runs collapsed: the extractor normalises them, the index keeps the page's. */
    private static String spaced(String title) {
        return title == null ? "" : title.replaceAll("[\\s\u3000]+", " ").strip();
    }

    private static double pct(int hits, int total) {
        return 100.0 * hits / total;
    }

    @Test
    void lawsTitleIssuingBodyAndDate() throws IOException {
        Path dir = SharedData.require("corpus/laws_lawrefbook");
        List<JsonNode> rows = index(dir, LAWS);
        int title = 0;
        int body = 0;
        int bodyGold = 0;
        int date = 0;
        int type = 0;
        long nanos = 0;
        for (JsonNode row : rows) {
            long start = System.nanoTime();
            DocumentMetadata m = extract(dir, row);
            nanos += System.nanoTime() - start;
            title += row.get("title").asText().equals(m.title()) ? 1 : 0;
            String goldBody = row.get("issuing_body").asText();
            if (!goldBody.isEmpty()) {
                bodyGold++;
                body += goldBody.equals(m.issuingBody()) ? 1 : 0;
            }
            date += row.get("date").asText().equals(String.valueOf(m.date())) ? 1 : 0;
            type += m.type() != null ? 1 : 0;
        }
        System.out.printf(
                "laws (first %d): title %.1f%%, issuing body %.1f%% (of %d with gold), date %.1f%%, typed %.1f%%,"
                        + " %.1f ms/doc (read+clean+extract)%n",
                rows.size(),
                pct(title, rows.size()),
                pct(body, bodyGold),
                bodyGold,
                pct(date, rows.size()),
                pct(type, rows.size()),
                nanos / 1e6 / rows.size());
        // Measured: title 99.7%, body 94.0%, date 40.7%. The gold date is the publication date, which most judicial
        // interpretations do not state (their header has the adoption meeting's date), hence the low date score; the
        // body misses are titles naming 最高人民法院、最高人民检察院 where the gold keeps only the court.
        assertThat(pct(title, rows.size())).isGreaterThanOrEqualTo(99.0);
        assertThat(pct(body, bodyGold)).isGreaterThanOrEqualTo(92.0);
        assertThat(pct(date, rows.size())).isGreaterThanOrEqualTo(38.0);
    }

    @Test
    void partyBuildingTitleAndDate() throws IOException {
        Path dir = SharedData.require("corpus/party_building_school_site");
        List<JsonNode> rows = index(dir, Integer.MAX_VALUE);
        int title = 0;
        int date = 0;
        for (JsonNode row : rows) {
            DocumentMetadata m = extract(dir, row);
            title += spaced(row.get("title").asText()).equals(spaced(m.title())) ? 1 : 0;
            if (!row.get("title").asText().equals(m.title()))
                System.out.println("TMISS " + row.get("title") + " | " + m.title());
            date += row.get("date").asText().equals(String.valueOf(m.date())) ? 1 : 0;
        }
        System.out.printf(
                "party building (%d): title %.1f%%, date %.1f%%%n",
                rows.size(), pct(title, rows.size()), pct(date, rows.size()));
        // Measured: title 98.9%. The gold texts carry no page metadata (the raw HTML is not in the corpus), so the date
        // is printed for information only: the index date is the page's, rarely written in the text.
        assertThat(pct(title, rows.size())).isGreaterThanOrEqualTo(98.0);
    }
}
