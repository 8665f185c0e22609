package org.policysearch.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.policysearch.PolicySearchProperties;
import org.springframework.stereotype.Component;

/**
 * The original bytes of every ingested file, content-addressed by SHA-256 under {@code <data-dir>/originals}, with
 * a small JSON sidecar (file name, source URL). Kept so that a rebuild can re-run an improved pipeline over them.
 */
@Component
public class OriginalStore {

    private final Path root;
    private final ObjectMapper mapper;

    OriginalStore(PolicySearchProperties properties, ObjectMapper mapper) {
        this.root = properties.dataDir().resolve("originals");
        this.mapper = mapper;
    }

    /** What is known about an original besides its bytes. */
    public record OriginalInfo(String sha256, String fileName, String sourceUrl, long size, String receivedAt) {}

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes bytes and sidecar atomically (temp file + rename), so a crash never leaves a half original. */
    public OriginalInfo store(byte[] bytes, String fileName, String sourceUrl) throws IOException {
        String sha = sha256(bytes);
        OriginalInfo info = new OriginalInfo(
                sha, fileName, sourceUrl, bytes.length, java.time.Instant.now().toString());
        Path data = dataPath(sha);
        Files.createDirectories(data.getParent());
        if (!Files.exists(data)) {
            atomicWrite(data, bytes);
        }
        Path sidecar = sidecarPath(sha);
        if (!Files.exists(sidecar)) {
            atomicWrite(sidecar, mapper.writeValueAsBytes(info));
        }
        return info;
    }

    public Optional<byte[]> read(String sha) throws IOException {
        Path data = dataPath(sha);
        return Files.exists(data) ? Optional.of(Files.readAllBytes(data)) : Optional.empty();
    }

    public Optional<OriginalInfo> info(String sha) throws IOException {
        Path sidecar = sidecarPath(sha);
        return Files.exists(sidecar)
                ? Optional.of(mapper.readValue(sidecar.toFile(), OriginalInfo.class))
                : Optional.empty();
    }

    public void delete(String sha) throws IOException {
        Files.deleteIfExists(dataPath(sha));
        Files.deleteIfExists(sidecarPath(sha));
    }

    /** Every stored original, for rebuilds. */
    public List<String> all() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bin"))
                    .map(p -> p.getFileName().toString().replace(".bin", ""))
                    .sorted()
                    .toList();
        }
    }

    private Path dataPath(String sha) {
        check(sha);
        return root.resolve(sha.substring(0, 2)).resolve(sha + ".bin");
    }

    private Path sidecarPath(String sha) {
        check(sha);
        return root.resolve(sha.substring(0, 2)).resolve(sha + ".json");
    }

    private static void check(String sha) {
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256");
        }
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
