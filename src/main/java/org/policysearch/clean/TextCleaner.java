package org.policysearch.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Removes the noise that scraping leaves in policy documents. Structural rules live here (they need more than a regex);
 * site- and wording-specific rules are data in {@code ingest/rules/cleaning.yml} and run between them.
 *
 * <p>Built-in rule ids, in the order they run: {@code leading-snippet} (a one-line summary ending in "..." that repeats
 * the start of the text), {@code whitespace} (CR, zero-width chars, indentation, full-width spaces, space runs),
 * {@code pinyin-notes} (mirror sites' {@code 經(jīng)}), {@code keyword-footer} (the page's keyword line, kept in
 * {@link CleanedText#keywordLine()}), then the data rules, then {@code page-chunk-markers} (the {@code 1、 2、 3、} that
 * doc-sharing sites put at the start of each page chunk, with the chunk glued back to the sentence it broke),
 * {@code duplicate-paragraph} and {@code blank-lines}. Output convention: see {@link CleanedText}.
 */
@Component
public final class TextCleaner {

    private static final Pattern ELLIPSIS_END = Pattern.compile("(?:\\.{3,}|…+)\\s*$");
    private static final Pattern WS = Pattern.compile("[\\s\u3000]+");
    private static final Pattern FULL_WIDTH_RUN = Pattern.compile("\u3000{2,}");
    private static final Pattern SPACE_RUN = Pattern.compile("[ \\t\u00a0\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\u200b\u200c\u200d\u2060\ufeff]");
    /** A Han char followed by a parenthesised syllable carrying a tone mark: only then is it surely pinyin. */
    private static final Pattern PINYIN_NOTE =
            Pattern.compile("(\\p{IsHan})[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*)[)）]");

    private static final Pattern KEYWORD_LABEL =
            Pattern.compile("^[-•·\\s]*(?:关\\s*键\\s*[词字]|關\\s*鍵\\s*[詞字]|标\\s*签|標\\s*籤)\\s*[:：]\\s*(.*)$");
    private static final Pattern LIST_DASH = Pattern.compile("^[-•·]\\s*");
    /** How far from the end a keyword footer may sit, in non-blank lines. */
    private static final int FOOTER_LINES = 12;

    private static final Pattern CHUNK_MARKER = Pattern.compile("^(\\d{1,3})、");
    private static final int MIN_PAGE_CHUNK = 150;
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；：!?;:”」』）)…]$");

    private final List<CleaningRule> rules;

    public TextCleaner() {
        this(CleaningRules.load());
    }

    TextCleaner(List<CleaningRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param text extracted text, any line-break convention
     * @param sourceHost host the document was scraped from (selects host-specific rules), null when unknown
     */
    public CleanedText clean(String text, String sourceHost) {
        Set<String> fired = new LinkedHashSet<>();
        String t = text == null ? "" : text;
        t = mark(fired, "leading-snippet", t, dropLeadingSnippet(t));
        t = mark(fired, "whitespace", t, normalizeWhitespace(t));
        t = mark(fired, "pinyin-notes", t, PINYIN_NOTE.matcher(t).replaceAll("$1"));
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        String keywordLine = takeKeywordFooter(lines);
        if (keywordLine != null) {
            fired.add("keyword-footer");
        }
        for (CleaningRule rule : rules) {
            if (rule.appliesTo(sourceHost) && apply(rule, lines)) {
                fired.add(rule.id());
            }
        }
        if (joinPageChunks(lines)) {
            fired.add("page-chunk-markers");
        }
        if (dropDuplicateParagraphs(lines)) {
            fired.add("duplicate-paragraph");
        }
        String withBlanks = String.join("\n", lines).strip();
        lines.removeIf(String::isBlank);
        String joined = String.join("\n", lines);
        if (!joined.equals(withBlanks)) {
            fired.add("blank-lines");
        }
        return new CleanedText(joined, List.copyOf(fired), keywordLine);
    }

    private static String mark(Set<String> fired, String id, String before, String after) {
        if (!before.equals(after)) {
            fired.add(id);
        }
        return after;
    }

    private static String dropLeadingSnippet(String text) {
        String stripped = text.stripLeading();
        int eol = stripped.indexOf('\n');
        if (eol < 0) {
            return text;
        }
        String first = stripped.substring(0, eol);
        Matcher ellipsis = ELLIPSIS_END.matcher(first);
        if (!ellipsis.find()) {
            return text;
        }
        String key = WS.matcher(first.substring(0, ellipsis.start())).replaceAll("");
        String rest = stripped.substring(eol + 1);
        // Short keys would match by chance; 10 chars of the same start is no accident.
        if (key.length() >= 10 && WS.matcher(rest).replaceAll("").startsWith(key)) {
            return rest;
        }
        return text;
    }

    private static String normalizeWhitespace(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        t = INVISIBLE.matcher(t).replaceAll("");
        StringBuilder out = new StringBuilder(t.length());
        for (String line : t.split("\n", -1)) {
            // Runs of full-width spaces inside a line are the indentation of paragraphs that lost their line break.
            String l = FULL_WIDTH_RUN.matcher(line.strip()).replaceAll("\n");
            for (String part : l.split("\n", -1)) {
                out.append(SPACE_RUN.matcher(part).replaceAll(" ").strip()).append('\n');
            }
        }
        // Every line got a '\n'; the last one was not there.
        return out.substring(0, out.length() - 1);
    }

    private static String takeKeywordFooter(List<String> lines) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0 && seen < FOOTER_LINES; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            seen++;
            Matcher m = KEYWORD_LABEL.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String value = m.group(1).strip();
            if (value.isEmpty()) {
                // Doc-sharing sites put the keywords on the next line, as a list item.
                int next = nextNonBlank(lines, i + 1);
                if (next >= 0) {
                    value = LIST_DASH.matcher(lines.get(next)).replaceFirst("").strip();
                    lines.remove(next);
                }
            }
            lines.remove(i);
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean apply(CleaningRule rule, List<String> lines) {
        return switch (rule.kind()) {
            case LINE -> lines.removeIf(l -> rule.pattern().matcher(l).find());
            case BLOCK -> dropBlocks(rule, lines);
            case REPLACE -> replaceInText(rule, lines);
        };
    }

    private static boolean dropBlocks(CleaningRule rule, List<String> lines) {
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            if (!rule.pattern().matcher(lines.get(i)).find()) {
                continue;
            }
            int end = i;
            if (rule.toEnd()) {
                end = lines.size() - 1;
            } else if (rule.until() == null) {
                while (end + 1 < lines.size() && !lines.get(end + 1).isBlank()) {
                    end++;
                }
            } else {
                while (end < lines.size()
                        && !rule.until().matcher(lines.get(end)).find()) {
                    end++;
                }
                end = Math.min(end, lines.size() - 1);
            }
            lines.subList(i, end + 1).clear();
            changed = true;
            i--;
        }
        return changed;
    }

    private static boolean replaceInText(CleaningRule rule, List<String> lines) {
        String text = String.join("\n", lines);
        String replaced = rule.pattern().matcher(text).replaceAll(rule.replacement());
        if (replaced.equals(text)) {
            return false;
        }
        lines.clear();
        for (String l : replaced.split("\n", -1)) {
            lines.add(l.strip());
        }
        return true;
    }

    /**
     * Doc-sharing sites cut the document into page chunks numbered {@code 1、 2、 3、}, each starting mid-sentence. They
     * are told from a real numbered list by running 1, 2, 3… and by most chunks continuing an unfinished sentence.
     */
    private static boolean joinPageChunks(List<String> lines) {
        List<Integer> markers = new ArrayList<>();
        int expected = 1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CHUNK_MARKER.matcher(lines.get(i));
            if (m.find() && Integer.parseInt(m.group(1)) == expected) {
                markers.add(i);
                expected++;
            }
        }
        if (markers.size() < 2 || (markers.size() == 2 && !twoPagePreview(lines, markers))) {
            return false;
        }
        int broken = 0;
        for (int k = 1; k < markers.size(); k++) {
            int prev = previousNonBlank(lines, markers.get(k) - 1);
            if (prev >= 0 && !SENTENCE_END.matcher(lines.get(prev)).find()) {
                broken++;
            }
        }
        if (broken * 2 < markers.size() - 1) {
            return false;
        }
        for (int k = markers.size() - 1; k >= 0; k--) {
            int at = markers.get(k);
            String body = CHUNK_MARKER.matcher(lines.get(at)).replaceFirst("");
            int prev = previousNonBlank(lines, at - 1);
            if (k > 0 && prev >= 0 && !SENTENCE_END.matcher(lines.get(prev)).find()) {
                lines.set(prev, lines.get(prev) + body);
                lines.remove(at);
            } else {
                lines.set(at, body);
            }
        }
        return true;
    }

    /**
     * Two chunks only (a two-page preview) are told from a two-item list more strictly: chunk 1 opens the text and is
     * a page long, and chunk 2 starts mid-sentence.
     */
    private static boolean twoPagePreview(List<String> lines, List<Integer> markers) {
        int first = markers.get(0);
        int second = markers.get(1);
        int prev = previousNonBlank(lines, second - 1);
        int chunkLength = String.join("", lines.subList(first, second)).length();
        return previousNonBlank(lines, first - 1) < 0
                && chunkLength >= MIN_PAGE_CHUNK
                && prev >= 0
                && !SENTENCE_END.matcher(lines.get(prev)).find();
    }

    private static int previousNonBlank(List<String> lines, int from) {
        for (int i = from; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Mirror sites repeat image captions; a paragraph equal to the one before it says nothing new. */
    private static boolean dropDuplicateParagraphs(List<String> lines) {
        boolean changed = false;
        String last = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            if (l.equals(last) && l.length() >= 8) {
                lines.remove(i--);
                changed = true;
            } else {
                last = l;
            }
        }
        return changed;
    }
}
