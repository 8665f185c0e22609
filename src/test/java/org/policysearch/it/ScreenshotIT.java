package org.policysearch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.PolicyDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test: writes {@code docs/screenshot-search.png} (the README's picture of the search page) from a few hundred
 * documents of {@code ../shared/corpus}. Runs only with {@code -Dscreenshot=true}.
 */
class ScreenshotIT extends AbstractServiceIT {

    static final int PER_CORPUS = 300;

    @LocalServerPort
    int port;

    @Autowired
    DocumentStore store;

    @Test
    void searchPage() throws IOException {
        boolean wanted = Boolean.getBoolean("screenshot");
        if (!wanted) {
            System.out.println("SKIPPED: ScreenshotIT runs with -Dscreenshot=true");
        }
        Assumptions.assumeTrue(wanted, "screenshot not requested");
        Map<String, List<PolicyDocument>> bySource =
                Corpus.documents().stream().collect(Collectors.groupingBy(PolicyDocument::source));
        for (String name : List.of("laws_lawrefbook", "xinwen_lianbo_cctv")) {
            for (PolicyDocument d : bySource.getOrDefault(name, List.of()).stream()
                    .limit(PER_CORPUS)
                    .toList()) {
                store.put(d, false);
            }
        }
        store.refresh();
        WebDriver driver = BrowserIT.start(1280, 900);
        try {
            driver.get("http://localhost:" + port + "/search?q=乡村振兴");
            Path out = Path.of("docs", "screenshot-search.png");
            Files.createDirectories(out.getParent());
            Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            System.out.println("Wrote " + out.toAbsolutePath());
        } finally {
            driver.quit();
        }
    }
}
