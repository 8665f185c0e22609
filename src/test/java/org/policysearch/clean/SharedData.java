package org.policysearch.clean;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates {@code ../shared}; tests that need it skip with a printed notice when it is absent. */
public final class SharedData {

    private SharedData() {}

    public static Path require(String relative) {
        Path dir = Path.of(System.getProperty("policy.shared-dir", "../shared")).resolve(relative);
        if (!Files.exists(dir)) {
            System.out.println("SKIPPED: " + relative + " not found, ../shared absent");
            Assumptions.assumeTrue(false, "../shared absent");
        }
        return dir;
    }
}
