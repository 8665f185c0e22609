package org.policysearch.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.clean.CleanedText;
import org.policysearch.clean.TextCleaner;
import org.policysearch.support.SharedData;

/** Cleaning then metadata over the five real seeds; expectations checked by reading them. */
class MetadataSeedsTest {

    private static final TextCleaner CLEANER = new TextCleaner();
    private static final MetadataExtractor EXTRACTOR = new MetadataExtractor();

    private DocumentMetadata seed(String prefix) throws IOException {
        Path dir = SharedData.require("seeds");
        try (var files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow();
            CleanedText c = CLEANER.clean(Files.readString(file, StandardCharsets.UTF_8), null);
            DocumentMetadata m =
                    EXTRACTOR.extract(new MetadataInput(c.text(), null, Map.of(), c.keywordLine(), null, null));
            System.out.println(prefix + " " + m);
            return m;
        }
    }

    @Test
    void dump() throws IOException {
        for (String p : new String[] {"000_", "001_", "002_", "003_", "004_"}) {
            seed(p);
        }
    }
}
