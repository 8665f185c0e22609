package org.policysearch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Inflates a zip-based document (DOCX, ODT) once, counting, before Tika sees it. Tika's own guard
 * (SecureContentHandler) only judges text already produced, after POI has loaded a whole XML part: a 64 MB bomb then
 * costs seconds and hundreds of MB of heap. Inflating and discarding costs a fraction of that.
 */
final class ZipBombCheck {

    /** Entries smaller than this are never judged by ratio: tiny XML parts compress very well. */
    private static final long GRACE_BYTES = 1 << 20;

    private final long maxRatio;
    private final long maxInflatedBytes;

    ZipBombCheck(long maxRatio, long maxInflatedBytes) {
        this.maxRatio = maxRatio;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /**
     * @return true when an entry inflates more than {@code maxRatio} times its compressed size (past a 1 MB grace)
     *     or all entries together inflate to more than {@code maxInflatedBytes}; a zip that cannot be read is left to
     *     the parser to report
     */
    boolean inflatesTooMuch(byte[] zip) {
        try (ZipFile file = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .get()) {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> entries = file.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                long compressed = Math.max(1, entry.getCompressedSize());
                long limit = Math.max(GRACE_BYTES, compressed * maxRatio);
                long inflated = 0;
                try (InputStream in = file.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        inflated += n;
                        if (inflated > limit || total + inflated > maxInflatedBytes) {
                            return true;
                        }
                    }
                }
                total += inflated;
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
