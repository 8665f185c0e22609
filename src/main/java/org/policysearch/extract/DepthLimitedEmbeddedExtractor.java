package org.policysearch.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents up to a nesting depth and remembers when something lay deeper. It does not throw:
 * container parsers swallow exceptions from their attachments, so the caller asks {@link #exceeded()} afterwards.
 * One instance per parse (it counts depth across the recursion).
 */
final class DepthLimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {

    private final int maxDepth;
    private int depth;
    private boolean exceeded;

    DepthLimitedEmbeddedExtractor(ParseContext context, int maxDepth) {
        super(context);
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (depth >= maxDepth) {
            exceeded = true;
            return false;
        }
        return super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (depth >= maxDepth) {
            exceeded = true;
            return;
        }
        depth++;
        try {
            super.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    boolean exceeded() {
        return exceeded;
    }
}
