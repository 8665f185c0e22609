package org.policysearch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.util.RecordFormatException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/** Office, PDF and RTF through Tika, with its failures turned into statuses. */
final class TikaDocumentParser {

    /** Metadata kept (by lower-case key prefix): document properties, not parser internals. */
    private static final List<String> METADATA_PREFIXES =
            List.of("dc:", "dcterms:", "cp:", "meta:", "pdf:docinfo:", "pdf:totalunmappedunicodechars", "xmp:");

    /** Share of PDF characters without a Unicode mapping above which the text is garbled (fonts without ToUnicode). */
    private static final double UNMAPPED_MOJIBAKE_PERCENT = 0.05;

    /** No OCR: a scanned PDF is reported EMPTY; OCR would need Tesseract and blow the time limit. */
    private static final PDFParserConfig PDF_CONFIG = pdfConfig();

    private final AutoDetectParser parser;
    private final ExtractionProperties properties;
    private final ZipBombCheck zipBombCheck;

    TikaDocumentParser(TikaConfig tika, ExtractionProperties properties) {
        this.properties = properties;
        this.zipBombCheck = new ZipBombCheck(
                properties.maxCompressionRatio(), properties.maxInflatedBytes().toBytes());
        this.parser = new AutoDetectParser(tika);
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumCompressionRatio(properties.maxCompressionRatio());
        parser.setAutoDetectParserConfig(config);
    }

    Extraction parse(byte[] content, FormatDetector.Format format) {
        String contentType = format.contentType();
        if (ZipBombCheck.isZip(content) && zipBombCheck.inflatesTooMuch(content)) {
            return Extraction.failed(ExtractionStatus.TOO_LARGE, contentType, messageOf(ExtractionStatus.TOO_LARGE));
        }
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, contentType);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        DepthLimitedEmbeddedExtractor embedded =
                new DepthLimitedEmbeddedExtractor(context, properties.maxEmbeddedDepth());
        context.set(EmbeddedDocumentExtractor.class, embedded);
        context.set(PDFParserConfig.class, PDF_CONFIG);
        BodyContentHandler handler = new BodyContentHandler(properties.maxChars());
        Throwable failure = null;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, context);
        } catch (Exception | StackOverflowError e) {
            failure = e;
        }
        if (failure != null) {
            ExtractionStatus status = statusOf(failure);
            if (status != ExtractionStatus.CORRUPT || handler.toString().isBlank()) {
                return Extraction.failed(status, contentType, messageOf(status));
            }
        }
        if (embedded.exceeded()) {
            return Extraction.failed(
                    ExtractionStatus.TOO_LARGE, contentType, "Embedded documents are nested too deeply.");
        }
        String raw = handler.toString();
        boolean pdf = contentType.equals("application/pdf");
        String text = pdf ? PdfLineJoiner.join(raw) : paragraphs(raw);
        if (text.isBlank()) {
            return Extraction.failed(
                    ExtractionStatus.EMPTY, contentType, "The document contains no text (a scan needs OCR first).");
        }
        List<String> flags = new ArrayList<>();
        if (failure != null) {
            flags.add("partial");
        }
        if (pdf && unmappedPercent(metadata) > UNMAPPED_MOJIBAKE_PERCENT) {
            flags.add("mojibake");
        }
        Map<String, List<String>> kept = keptMetadata(metadata);
        String title = firstNonBlank(metadata.get(TikaCoreProperties.TITLE), Texts.shortFirstLine(text));
        return new Extraction(ExtractionStatus.OK, text, title, contentType, null, kept, flags, null);
    }

    private static PDFParserConfig pdfConfig() {
        PDFParserConfig config = new PDFParserConfig();
        config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        return config;
    }

    private static ExtractionStatus statusOf(Throwable failure) {
        if (WriteLimitReachedException.isWriteLimitReached(failure)) {
            return ExtractionStatus.TOO_LARGE;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException) {
                return ExtractionStatus.ENCRYPTED;
            }
            if (t instanceof TikaMemoryLimitException) {
                return ExtractionStatus.TOO_LARGE;
            }
            // Inflation bombs are reported only by message: Tika's SecureContentHandler and POI's ZipSecureFile say
            // "zip bomb", POI's record size cap (100 MB per part) says "maximum length".
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")
                    || t instanceof RecordFormatException && message.contains("maximum length")) {
                return ExtractionStatus.TOO_LARGE;
            }
        }
        return ExtractionStatus.CORRUPT;
    }

    private static String messageOf(ExtractionStatus status) {
        return switch (status) {
            case TOO_LARGE -> "The document expands to more text than allowed.";
            case ENCRYPTED -> "The document is password-protected.";
            default -> "The document is damaged or not what its type claims.";
        };
    }

    /** Tika writes a line per paragraph; the contract is paragraphs separated by a blank line. */
    private static String paragraphs(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(stripped);
            }
        }
        return out.toString();
    }

    private static double unmappedPercent(Metadata metadata) {
        String value = metadata.get("pdf:overallPercentageUnmappedUnicodeChars");
        try {
            return value == null ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, List<String>> keptMetadata(Metadata metadata) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            String key = name.toLowerCase(Locale.ROOT);
            if (METADATA_PREFIXES.stream().anyMatch(key::startsWith)) {
                List<String> values = List.of(metadata.getValues(name)).stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
                if (!values.isEmpty()) {
                    kept.put(key, values);
                }
            }
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        if (title != null && !title.isBlank()) {
            kept.put("title", List.of(title.strip()));
        }
        return kept;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }
}
