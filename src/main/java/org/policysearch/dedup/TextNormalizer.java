package org.policysearch.dedup;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reduces a text to what two copies of one document share whatever their source: Traditional/Simplified script,
 * full-width forms, case, punctuation, whitespace, inline pinyin notes and anonymisation placeholders all vanish.
 * The result is only for hashing, never shown.
 */
@Component
public final class TextNormalizer {

    /**
     * Pinyin that scrapers of 范文 sites leave after characters, e.g. {@code 經(jīng)}. A tone mark is required so
     * that ordinary Latin in brackets, e.g. {@code (WTO)}, stays.
     */
    private static final Pattern PINYIN_NOTE =
            Pattern.compile("[(（][a-zü' ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ' ]*[)）]");

    /** What anonymised copies put where names were ({@code XX县}, {@code 某某同志}, {@code 20__年}, {@code ○○乡}). */
    private static final String PLACEHOLDERS = "x×某*_○□";

    private static final char PLACEHOLDER = '某';

    private final ScriptFolding folding = ScriptFolding.instance();

    public String normalize(String text) {
        String nfkc = Normalizer.normalize(PINYIN_NOTE.matcher(text).replaceAll(""), Normalizer.Form.NFKC);
        return foldPlaceholders(keepLettersAndDigits(nfkc));
    }

    private String keepLettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int folded = Character.toLowerCase(folding.fold(c));
            if (Character.isLetterOrDigit(folded)
                    || Character.getType(folded) == Character.LETTER_NUMBER
                    || PLACEHOLDERS.indexOf(folded) >= 0) {
                out.appendCodePoint(folded);
            }
        }
        return out.toString();
    }

    /**
     * Collapses each run of placeholder characters to one {@code 某}, except a run of x's touching other Latin letters,
     * which is part of a word ({@code xinhua}, {@code taxes}).
     */
    private static String foldPlaceholders(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (PLACEHOLDERS.indexOf(c) < 0) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            boolean onlyX = true;
            while (end < text.length() && PLACEHOLDERS.indexOf(text.charAt(end)) >= 0) {
                onlyX &= text.charAt(end) == 'x';
                end++;
            }
            boolean inWord = onlyX && (isLatin(text, i - 1) || isLatin(text, end));
            if (inWord) {
                out.append(text, i, end);
            } else {
                out.append(PLACEHOLDER);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isLatin(String text, int index) {
        return index >= 0
                && index < text.length()
                && Character.UnicodeScript.of(text.charAt(index)) == Character.UnicodeScript.LATIN;
    }
}
