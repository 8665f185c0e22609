package org.policysearch.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.policysearch.PolicySearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key that write and admin endpoints require in {@code X-API-Key}: the {@code API_KEY} environment variable,
 * or a key generated at first start and kept in the data directory (readable by its owner only).
 */
@Component
public class ApiKey {

    private static final Logger log = LoggerFactory.getLogger(ApiKey.class);
    public static final String HEADER = "X-API-Key";

    private final byte[] key;

    ApiKey(Environment environment, PolicySearchProperties properties) {
        String configured = environment.getProperty("API_KEY");
        this.key = (configured != null && !configured.isBlank() ? configured.strip() : stored(properties.dataDir()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response timing does not reveal the key. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(key, candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String stored(Path dataDir) {
        Path file = dataDir.resolve("api-key");
        try {
            if (Files.exists(file)) {
                log.info("API key for write endpoints: in {} (set API_KEY to choose your own)", file);
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.writeString(file, generated + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            log.info("Generated an API key for write endpoints: {} (set API_KEY to choose your own)", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API key in " + file, e);
        }
    }
}
