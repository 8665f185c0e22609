package org.policysearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared} (seeds and corpus beside the project); tests that need it skip when it is absent. */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        return Path.of(System.getProperty("policy.shared-dir", "../shared"))
                .toAbsolutePath()
                .normalize();
    }

    /** The sub-directory, or a skipped test (with a printed notice) when it is not there. */
    public static Path require(String relative) {
        Path dir = root().resolve(relative);
        if (!Files.isDirectory(dir)) {
            System.out.println("SKIPPED: " + dir + " is absent (../shared is only beside the project in CI and dev)");
        }
        assumeTrue(Files.isDirectory(dir), "../shared/" + relative + " absent");
        return dir;
    }
}
