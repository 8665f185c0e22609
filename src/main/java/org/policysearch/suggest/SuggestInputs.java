package org.policysearch.suggest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policysearch.index.PolicyDocument;
import org.springframework.stereotype.Component;

/**
 * The completion inputs of a document, written with it into the {@code suggest.title} and {@code suggest.term}
 * completion fields: the title and each keyword/topic, folded to Simplified, plus their full pinyin and pinyin
 * initials, so {@code 乡村}, {@code xiangcun} and {@code xczx} all complete 乡村振兴. Newer documents weigh more.
 */
@Component
public final class SuggestInputs {

    /** The mapping's {@code max_input_length}: Elasticsearch cuts longer inputs anyway, so pinyin is not computed past it. */
    private static final int MAX_INPUT_CHARS = 50;

    private static final int MAX_TERMS = 30;
    private static final int MAX_TERM_CHARS = 30;
    private static final LocalDate EPOCH = LocalDate.of(1949, 10, 1);

    private final Pinyin pinyin;

    public SuggestInputs() {
        this(Pinyin.standard());
    }

    SuggestInputs(Pinyin pinyin) {
        this.pinyin = pinyin;
    }

    /** One completion entry: what a prefix may match, and how it ranks among the matches. */
    public record Completion(List<String> input, int weight) {}

    /** The value of the document's {@code suggest} object field; no title entry for an untitled document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fields(Completion title, List<Completion> term) {}

    /**
     * A duplicate completes nothing: its representative has the same title and terms, and the title suggester's
     * {@code skip_duplicates} keeps one document per text, which could be the copy the service then leaves out (on
     * equal weights a representative rewritten with its duplicate count, so in a newer segment, always lost).
     */
    public Fields fields(PolicyDocument document) {
        if (document.duplicateOf() != null) {
            return new Fields(null, List.of());
        }
        int weight = weight(document.date());
        List<String> titleInputs = document.title() == null ? List.of() : inputs(document.title());
        List<Completion> terms = Stream.concat(document.keywords().stream(), document.topics().stream())
                .map(SuggestInputs::fold)
                .filter(t -> !t.isEmpty() && t.length() <= MAX_TERM_CHARS)
                .distinct()
                .limit(MAX_TERMS)
                .map(t -> new Completion(inputs(t), weight))
                .toList();
        return new Fields(titleInputs.isEmpty() ? null : new Completion(titleInputs, weight), terms);
    }

    /** The folded text, its full pinyin and its pinyin initials (distinct, non-empty). */
    List<String> inputs(String display) {
        String text = truncate(fold(display));
        if (text.isEmpty()) {
            return List.of();
        }
        List<Pinyin.Token> tokens = pinyin.tokens(text);
        String full = tokens.stream().map(Pinyin.Token::text).collect(Collectors.joining());
        String initials = tokens.stream()
                .map(t -> t.han() ? t.text().substring(0, 1) : t.text())
                .collect(Collectors.joining());
        Set<String> out = new LinkedHashSet<>(List.of(text, truncate(full), truncate(initials)));
        out.remove("");
        return new ArrayList<>(out);
    }

    /** Whether a user's prefix (already {@link #normalize normalized}) completes {@code display}. */
    boolean completes(String display, String normalizedPrefix) {
        return inputs(display).stream()
                .anyMatch(in -> in.toLowerCase(Locale.ROOT).startsWith(normalizedPrefix));
    }

    /**
     * A typed prefix as the inputs are written: Simplified, lower-case, without spaces or the apostrophe that
     * separates pinyin syllables ({@code xi'an}).
     */
    static String normalize(String prefix) {
        return fold(prefix).replace("'", "").toLowerCase(Locale.ROOT);
    }

    /** Newer first: days since 1949-10-01, at least 1; undated documents rank last. */
    static int weight(String date) {
        if (date == null || date.isBlank()) {
            return 1;
        }
        try {
            return (int) Math.max(1, ChronoUnit.DAYS.between(EPOCH, LocalDate.parse(date.strip())));
        } catch (DateTimeParseException e) {
            return 1;
        }
    }

    /** Simplified, without whitespace or control characters (the completion field reserves some of them). */
    private static String fold(String text) {
        String simple = ZhConverterUtil.toSimple(text);
        StringBuilder out = new StringBuilder(simple.length());
        simple.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String truncate(String s) {
        return s.codePointCount(0, s.length()) <= MAX_INPUT_CHARS
                ? s
                : s.substring(0, s.offsetByCodePoints(0, MAX_INPUT_CHARS));
    }
}
