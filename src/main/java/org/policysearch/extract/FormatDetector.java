package org.policysearch.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/** Decides by content which path a file takes; the name only breaks ties (text/plain vs text/csv). */
final class FormatDetector {

    enum Route {
        HTML,
        TEXT,
        TIKA,
        /** Tika's name for an OOXML file wrapped in password encryption (an OLE2 container). */
        ENCRYPTED,
        UNSUPPORTED
    }

    /** @param mediaType detected type without parameters, e.g. {@code application/pdf} */
    record Format(MediaType mediaType, Route route) {
        String contentType() {
            return mediaType.toString();
        }
    }

    private static final Set<MediaType> HTML = Set.of(MediaType.text("html"), MediaType.application("xhtml+xml"));

    /** Office and PDF formats handed to Tika; everything binary not listed here is refused. */
    private static final Set<MediaType> TIKA = Set.of(
            MediaType.application("pdf"),
            MediaType.application("msword"),
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.template"),
            MediaType.application("vnd.ms-word.document.macroenabled.12"),
            MediaType.application("rtf"),
            MediaType.application("vnd.oasis.opendocument.text"),
            MediaType.application("vnd.ms-works"));

    private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");

    /**
     * Plausibility from which undetected bytes count as text: real Chinese scores 0.5-1, random or binary bytes
     * decoded as any charset score below 0.
     */
    private static final double LOOKS_LIKE_TEXT = 0.3;

    private final Detector detector;
    private final TextDecoder decoder;
    private final MediaTypeRegistry registry;
    private final MimeTypes mimeTypes;

    FormatDetector(TikaConfig tika, TextDecoder decoder) {
        this.decoder = decoder;
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
        this.mimeTypes = tika.getMimeRepository();
    }

    Format detect(byte[] content, String fileName) {
        MediaType byContent = tikaType(content);
        // The name's own type (Tika's glob patterns) is what Tika's name hint would add to the same magic: detecting
        // a second time with the name would only repeat the magic, the costliest step of a text file's analysis.
        MediaType withName = fileName == null || fileName.isBlank() ? byContent : byName(fileName);
        MediaType type;
        if (byContent.equals(MediaType.OCTET_STREAM)) {
            // Nothing in the bytes says what they are: a name alone never makes them a PDF or a DOCX. Tika calls
            // GBK/Big5 without a name, and BOM-less UTF-16, binary; decoded, those read as Chinese.
            boolean text = decoder.choose(content, false).plausibility() >= LOOKS_LIKE_TEXT;
            type = !text
                    ? byContent
                    : registry.isSpecializationOf(withName, MediaType.TEXT_PLAIN) ? withName : MediaType.TEXT_PLAIN;
        } else {
            // The name may only refine what the content says (text/plain to text/csv), never contradict it.
            type = withName.equals(byContent) || registry.isSpecializationOf(withName, byContent)
                    ? withName
                    : byContent;
        }
        return new Format(type, route(type));
    }

    private Route route(MediaType type) {
        if (HTML.contains(type)) {
            return Route.HTML;
        }
        if (type.equals(OOXML_PROTECTED)) {
            return Route.ENCRYPTED;
        }
        if (TIKA.contains(type)) {
            return Route.TIKA;
        }
        if (registry.isInstanceOf(type, MediaType.TEXT_PLAIN)
                && !registry.isInstanceOf(type, MediaType.APPLICATION_XML)) {
            return Route.TEXT;
        }
        return Route.UNSUPPORTED;
    }

    private MediaType byName(String fileName) {
        return mimeTypes.getMimeType(fileName).getType().getBaseType();
    }

    private MediaType tikaType(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException("detection reads from memory", e);
        }
    }
}
