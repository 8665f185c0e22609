package org.policysearch.es;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch distribution zip (configured path, local Maven repository, else a download from Maven
 * Central checked against its published SHA-1) and unpacks it with its file modes.
 */
final class ElasticsearchDistribution {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";

    private final ManagedElasticsearchProperties properties;

    ElasticsearchDistribution(ManagedElasticsearchProperties properties) {
        this.properties = properties;
    }

    /** Unpacks the distribution into {@code baseDir/elasticsearch-<version>} unless already there. */
    Path install(Path baseDir) throws IOException {
        Path home = baseDir.resolve("elasticsearch-" + properties.version());
        if (Files.isRegularFile(home.resolve("lib").resolve("elasticsearch-" + properties.version() + ".jar"))) {
            return home;
        }
        Path zip = locate(baseDir);
        log.info("Unpacking Elasticsearch {} from {}", properties.version(), zip);
        Path staging = Files.createTempDirectory(baseDir, ".unpack-");
        unzip(zip, staging);
        Path unpacked = staging.resolve("elasticsearch-" + properties.version());
        if (!Files.isDirectory(unpacked)) {
            throw new IOException("Unexpected layout in " + zip + ": no elasticsearch-" + properties.version() + "/");
        }
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(staging);
        return home;
    }

    private Path locate(Path baseDir) throws IOException {
        if (properties.distribution() != null) {
            if (!Files.isRegularFile(properties.distribution())) {
                throw new IOException(
                        "policy.elasticsearch.managed.distribution not found: " + properties.distribution());
            }
            return properties.distribution();
        }
        String file = "elasticsearch-" + properties.version() + ".zip";
        String relative = GROUP_PATH + "/" + properties.version() + "/" + file;
        Path localRepo = Path.of(System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path inRepo = localRepo.resolve(relative);
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        Path cached = baseDir.resolve("dist").resolve(file);
        if (!Files.isRegularFile(cached)) {
            download(URI.create(properties.repository().toString().replaceAll("/+$", "") + "/" + relative), cached);
        }
        return cached;
    }

    private static void download(URI uri, Path target) throws IOException {
        log.info("Downloading {} (about 100 MB, once)", uri);
        Files.createDirectories(target.getParent());
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            String expectedSha1 = http.send(
                            HttpRequest.newBuilder(URI.create(uri + ".sha1")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .trim()
                    .split("\\s+")[0];
            HttpResponse<Path> response =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("Download of " + uri + " answered HTTP " + response.statusCode());
            }
            String actual = sha1(partial);
            if (!actual.equalsIgnoreCase(expectedSha1)) {
                throw new IOException("Checksum mismatch for " + uri + ": " + actual + " != " + expectedSha1);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + uri, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** java.util.zip drops unix modes; the bin/ scripts must stay executable. */
    static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile zipFile = ZipFile.builder().setPath(zip).get()) {
            var entries = zipFile.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry escapes target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                    perms.addAll(EnumSet.of(
                            PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(out, perms);
                }
            }
        }
    }
}
