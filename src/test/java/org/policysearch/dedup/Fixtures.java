package org.policysearch.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Test data: own fixtures from the classpath, real documents from {@code ../shared} when it is there. */
final class Fixtures {

    private Fixtures() {}

    static String fixture(String name, Charset charset) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/dedup/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture " + name);
            }
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory under {@code ../shared}, or a skipped test when the shared data is absent. */
    static Path sharedDir(String relative) {
        Path dir = Path.of(System.getProperty("policy.shared-dir", "../shared")).resolve(relative);
        if (!Files.isDirectory(dir)) {
            System.out.println("SKIPPED: " + dir + " not found, ../shared absent");
            Assumptions.assumeTrue(false, "../shared absent");
        }
        return dir;
    }
}
