package org.policysearch.extract;

/**
 * How much a decoded text looks like real Chinese (or plain ASCII): the measure that picks a charset. GB18030 and
 * Big5 decode almost any bytes without error, so error counts cannot tell them apart; what differs is that a right
 * decoding is dominated by the most common characters, and a wrong one spreads over rare ones.
 */
final class TextPlausibility {

    private final CommonChars common;
    /** {@link #weight} of every BMP code point, computed once: charset choice weighs every character of a sample. */
    private final double[] bmpWeights = new double[Character.MAX_VALUE + 1];

    TextPlausibility(CommonChars common) {
        this.common = common;
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            bmpWeights[c] = weight(c);
        }
    }

    /**
     * @param value mean weight per non-ASCII character: about 0.5-1 for real Chinese, below 0 for wrong decodings;
     *     0 when there is nothing but ASCII
     * @param nonAscii non-ASCII characters seen
     * @param replacements U+FFFD (malformed input) among them
     */
    record Score(double value, int nonAscii, int replacements) {}

    Score score(CharSequence text) {
        double sum = 0;
        int nonAscii = 0;
        int replacements = 0;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    sum -= 3; // NUL and other controls: typically UTF-16 read as a single-byte charset
                    nonAscii++;
                }
                continue;
            }
            nonAscii++;
            if (c == 0xFFFD) {
                replacements++;
            }
            sum += c <= Character.MAX_VALUE ? bmpWeights[c] : weight(c);
        }
        return new Score(nonAscii == 0 ? 0 : sum / nonAscii, nonAscii, replacements);
    }

    private double weight(int c) {
        if (c == 0xFFFD) {
            return -4;
        }
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            int rank = common.rank(c);
            if (rank < 0) {
                return -0.5;
            }
            // The list interleaves Simplified and Traditional forms, so ranks run about 1.5x a single script's.
            return rank < 800 ? 1.0 : rank < 2400 ? 0.6 : 0.3;
        }
        int type = Character.getType(c);
        if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.CONTROL) {
            return -3;
        }
        if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2010 && c <= 0x2027)) {
            return 0.5; // CJK and fullwidth punctuation, quotes, dashes, ellipsis
        }
        return -0.3; // Latin-1 letters, kana, Hangul, box drawing...: rare in Chinese policy text
    }
}
