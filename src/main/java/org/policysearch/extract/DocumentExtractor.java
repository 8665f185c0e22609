package org.policysearch.extract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;

/**
 * From the bytes of an uploaded or scraped file to its text. The type is detected from the content; text and HTML are
 * decoded by {@link TextDecoder} (declarations are hints only), HTML goes through {@link HtmlMainContent}, office
 * formats and PDF through Tika. Every outcome is an {@link Extraction}; nothing is thrown for a bad file.
 *
 * <p>Each extraction runs on a small pool of daemon threads so that it can be abandoned after {@code parseTimeout}.
 * Tika does not react to interrupts, so an abandoned parse keeps its thread until it ends; the pool size bounds how
 * many can do so at once.
 */
public final class DocumentExtractor implements AutoCloseable {

    private final ExtractionProperties properties;
    private final FormatDetector detector;
    private final TextDecoder decoder;
    private final TikaDocumentParser tika;
    private final HtmlMainContent html = HtmlMainContent.withDefaultRules();
    private final ThreadPoolExecutor executor;

    public DocumentExtractor(ExtractionProperties properties) {
        this.properties = properties;
        TikaConfig tikaConfig = TikaConfig.getDefaultConfig();
        this.decoder = new TextDecoder(new TextPlausibility(CommonChars.defaults()), properties.charsetSampleBytes());
        this.detector = new FormatDetector(tikaConfig, decoder);
        this.tika = new TikaDocumentParser(tikaConfig, properties);
        this.executor = new ThreadPoolExecutor(
                properties.parseThreads(),
                properties.parseThreads(),
                30,
                TimeUnit.SECONDS,
                properties.maxQueuedParses() == 0
                        ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(properties.maxQueuedParses()),
                daemonThreads());
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * @param content the file's bytes
     * @param fileName the original file name, only a hint for the type; may be null
     */
    public Extraction extract(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            return Extraction.failed(ExtractionStatus.EMPTY, null, "The file is empty.");
        }
        if (content.length > properties.maxBytes().toBytes()) {
            return Extraction.failed(ExtractionStatus.TOO_LARGE, null, "The file is larger than allowed.");
        }
        Future<Extraction> future;
        try {
            future = executor.submit(() -> extractNow(content, fileName));
        } catch (RejectedExecutionException e) {
            return Extraction.failed(ExtractionStatus.TIMEOUT, null, "The server is busy; try again later.");
        }
        try {
            return future.get(properties.parseTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Extraction.failed(ExtractionStatus.TIMEOUT, null, "Reading the document took too long.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Extraction.failed(ExtractionStatus.TIMEOUT, null, "Reading the document was interrupted.");
        } catch (ExecutionException e) {
            return Extraction.failed(ExtractionStatus.CORRUPT, null, "The document could not be read.");
        }
    }

    private Extraction extractNow(byte[] content, String fileName) {
        FormatDetector.Format format = detector.detect(content, fileName);
        return switch (format.route()) {
            case HTML -> html(content, format);
            case TEXT -> text(content, format);
            case TIKA -> tika.parse(content, format);
            case ENCRYPTED ->
                Extraction.failed(
                        ExtractionStatus.ENCRYPTED, format.contentType(), "The document is password-protected.");
            case UNSUPPORTED ->
                Extraction.failed(
                        ExtractionStatus.UNSUPPORTED, format.contentType(), "This file type is not supported.");
        };
    }

    private Extraction html(byte[] content, FormatDetector.Format format) {
        TextDecoder.Decoded decoded = decoder.decode(content, true);
        HtmlPage page = html.extract(decoded.text(), null);
        String text = page.text() == null ? "" : page.text().strip();
        return finish(text, page.title(), format, decoded, page.meta());
    }

    private Extraction text(byte[] content, FormatDetector.Format format) {
        TextDecoder.Decoded decoded = decoder.decode(content, false);
        String text = Texts.normalizeNewlines(decoded.text()).strip();
        // Plain text declares no title; its first line may be scraped chrome (手机版), so the metadata stage finds the
        // title in the cleaned text instead.
        return finish(text, null, format, decoded, null);
    }

    private Extraction finish(
            String text,
            String title,
            FormatDetector.Format format,
            TextDecoder.Decoded decoded,
            Map<String, List<String>> metadata) {
        String contentType = format.contentType();
        if (text.length() > properties.maxChars()) {
            return Extraction.failed(
                    ExtractionStatus.TOO_LARGE, contentType, "The document has more text than allowed.");
        }
        if (text.isBlank()) {
            return Extraction.failed(ExtractionStatus.EMPTY, contentType, "The document contains no text.");
        }
        List<String> flags = decoded.mojibake() ? List.of("mojibake") : List.of();
        return new Extraction(
                ExtractionStatus.OK, text, title, contentType, decoded.charset().name(), metadata, flags, null);
    }

    /** Stops accepting work; running parses are abandoned (their threads are daemons). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "document-extractor-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
