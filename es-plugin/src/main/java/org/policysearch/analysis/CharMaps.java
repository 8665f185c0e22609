package org.policysearch.analysis;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * The {@link NormalizeCharMap}s behind {@code zh_t2s} and {@code zh_fold}.
 *
 * <p>Elasticsearch instantiates every registered char filter for every index it creates, and the T→S map has
 * several thousand entries, so each map is built once per JVM (lazy holder idiom) and shared: a
 * {@code NormalizeCharMap} is immutable and thread-safe.
 */
final class CharMaps {

    private CharMaps() {}

    /** OpenCC Traditional→Simplified folding that leaves Simplified (GB2312) text untouched. */
    static NormalizeCharMap t2s() {
        return T2s.MAP;
    }

    /** Clean-up of PDF extraction artefacts that NFKC does not fold. */
    static NormalizeCharMap fold() {
        return Fold.MAP;
    }

    private static final class T2s {
        static final NormalizeCharMap MAP = buildT2s(true);
    }

    private static final class Fold {
        static final NormalizeCharMap MAP = build("zh_fold.txt");
    }

    /**
     * Builds the T→S map; {@code gb2312Phrases == false} leaves out the keys of t2s_gb2312_phrases.txt (not its
     * guards), which lets a test show that those keys change no Simplified text.
     */
    static NormalizeCharMap buildT2s(boolean gb2312Phrases) {
        // A character that GB2312 can encode may legitimately occur in Simplified text (乾隆, 显著, 于/於 as a
        // surname), so single-character OpenCC entries are only taken for characters outside GB2312.
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        Map<String, String> mappings = new LinkedHashMap<>();
        MappingTable.read("opencc/TSCharacters.txt", (source, target) -> {
            if (gb2312.canEncode(source) == false) {
                mappings.put(source, target);
            }
        });
        // Hand-vetted additions (see the comments in the file); they may override OpenCC's first candidate.
        MappingTable.read("t2s_extra.txt", mappings::put);
        // Vetted phrases written entirely in GB2312 (覆 for 复, 著 for 着), with identity guards around them.
        MappingTable.read("t2s_gb2312_phrases.txt", (source, target) -> {
            if (gb2312Phrases || source.equals(target)) {
                mappings.put(source, target);
            }
        });
        // Phrases come last: MappingCharFilter prefers the longest match, so phrase entries (including identities
        // such as 乾坤→乾坤) take precedence over the character entries they overlap.
        MappingTable.read("opencc/TSPhrases.txt", mappings::put);
        return toCharMap(mappings);
    }

    private static NormalizeCharMap build(String resource) {
        Map<String, String> mappings = new LinkedHashMap<>();
        MappingTable.read(resource, mappings::put);
        return toCharMap(mappings);
    }

    private static NormalizeCharMap toCharMap(Map<String, String> mappings) {
        // NormalizeCharMap.Builder rejects duplicate keys, hence the map in front of it.
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        mappings.forEach(builder::add);
        return builder.build();
    }
}
