package org.policysearch.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers (文号) in one canonical form, {@code 国发〔2020〕3号}: whatever brackets the writer used
 * ({@code [] ［］ () （） 【】 〔〕 ﹝﹞ 〈〉}) become {@code 〔〕}, full-width digits become ASCII, spaces, a leading
 * {@code 第} before the serial and leading zeros of the serial are dropped. The metadata package stores numbers in
 * this form, so a user's {@code 国发[2020]3号} finds {@code 国发（2020）3号}.
 */
public final class DocNumbers {

    // Issuer: 1–15 Han characters (国发, 京政办发, 中共中央办公厅厅字); year 19xx/20xx; serial up to 5 digits.
    private static final Pattern NUMBER = Pattern.compile(
            "(\\p{IsHan}{1,15})\\s*[\\[［(（【〔﹝〈]\\s*((?:19|20)\\d{2})\\s*[\\]］)）】〕﹞〉]\\s*第?\\s*(\\d{1,5})\\s*号");

    private DocNumbers() {}

    /** The canonical form when the whole of {@code raw} is one document number, else empty. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(asciiDigits(raw.strip()));
        if (!m.matches()) {
            return Optional.empty();
        }
        String serial = m.group(3).replaceFirst("^0+(?=\\d)", "");
        return Optional.of(m.group(1) + "〔" + m.group(2) + "〕" + serial + "号");
    }

    private static String asciiDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return out.toString();
    }
}
