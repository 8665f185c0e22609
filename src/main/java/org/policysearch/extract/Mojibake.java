package org.policysearch.extract;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises text that was already garbled before it reached us, so no charset choice can repair it. */
final class Mojibake {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** What UTF-8's EF BF BD (U+FFFD) becomes when read as GBK: the classic trace of a double conversion. */
    private static final String KUN_JIN_KAO = "锟斤拷";

    /** UTF-8 Chinese (lead byte E4-E9) read as Latin-1/cp1252, and accented Latin read the same way (Ã©, Â ...). */
    private static final Pattern LATIN1_MOJIBAKE = Pattern.compile(
            "[\\u00E4-\\u00E9][\\u0080-\\u00BF\\u0152-\\u0192\\u02C6-\\u02DC\\u2013-\\u203A\\u20AC\\u2122]{2}"
                    + "|[\\u00C2\\u00C3][\\u0080-\\u00BF]");

    private static final byte OTHER = 0;
    private static final byte HAN = 1;
    private static final byte HAN_IN_ROWS_E4_E9 = 2;
    /** Per BMP code point: Han or not, and whether GBK puts it in rows E4-E9 with a trail byte 80-BF. */
    private static final byte[] BMP_KINDS = bmpKinds();

    private Mojibake() {}

    static boolean suspected(String text, TextPlausibility.Score score) {
        if (text.contains(KUN_JIN_KAO)) {
            return true;
        }
        if (score.replacements() >= 3 && score.replacements() * 100 >= score.nonAscii()) {
            return true;
        }
        return utf8ReadAsGbk(text) || latin1Mojibake(text);
    }

    /**
     * UTF-8 read as GBK turns each lead byte E4-E9 plus a continuation byte (80-BF) into one Han character of the
     * GBK rows E4-E9 (涓, 鏂, 鐨...): rare characters that real text hardly uses, but that fill a garbled one.
     */
    private static boolean utf8ReadAsGbk(String text) {
        int han = 0;
        int suspicious = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c > Character.MAX_VALUE) {
                // Supplementary Han takes four bytes in GB18030: never one of those two-byte rows.
                han += Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 1 : 0;
                continue;
            }
            byte kind = BMP_KINDS[c];
            han += kind == OTHER ? 0 : 1;
            suspicious += kind == HAN_IN_ROWS_E4_E9 ? 1 : 0;
        }
        return suspicious >= 4 && suspicious * 4 >= han;
    }

    private static byte[] bmpKinds() {
        byte[] kinds = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                continue;
            }
            byte[] gb = String.valueOf((char) c).getBytes(GB18030);
            int lead = gb[0] & 0xFF;
            int trail = gb.length == 2 ? gb[1] & 0xFF : 0;
            kinds[c] = lead >= 0xE4 && lead <= 0xE9 && trail >= 0x80 && trail <= 0xBF ? HAN_IN_ROWS_E4_E9 : HAN;
        }
        return kinds;
    }

    private static boolean latin1Mojibake(String text) {
        Matcher m = LATIN1_MOJIBAKE.matcher(text);
        int count = 0;
        while (m.find() && count < 3) {
            count++;
        }
        return count >= 3;
    }
}
