package org.policysearch.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates written the ways Chinese documents write them: {@code 2020年3月6日}, {@code 二〇二〇年三月六日} (with 〇, ○ or
 * 零), {@code 2020-03-06}, {@code 2020/3/6}, {@code 2020.03.06}. Placeholders such as {@code 20_年} or {@code 202X年} are
 * not dates: they simply do not match.
 */
final class Dates {

    /** A date and where it sits in the searched string. */
    record Found(LocalDate date, int start, int end) {}

    private static final Pattern ARABIC =
            Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern HAN =
            Pattern.compile("([〇○零Ｏ一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,2})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日");
    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d])");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})\\s*年");
    private static final String HAN_DIGITS = "〇一二三四五六七八九";

    private Dates() {}

    /** All dates in the text, in order of position. */
    static List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>();
        collect(ARABIC.matcher(text), found, false);
        collect(HAN.matcher(text), found, true);
        collect(NUMERIC.matcher(text), found, false);
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    static Found first(String text) {
        List<Found> all = findAll(text);
        return all.isEmpty() ? null : all.get(0);
    }

    /** A year written as {@code 2021年} (for titles such as {@code 2021年抓党建…讲话}). */
    static OptionalInt year(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static void collect(Matcher m, List<Found> into, boolean han) {
        while (m.find()) {
            try {
                LocalDate d = han
                        ? LocalDate.of(hanYear(m.group(1)), hanNumber(m.group(2)), hanNumber(m.group(3)))
                        : LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
                into.add(new Found(d, m.start(), m.end()));
            } catch (DateTimeException | IllegalArgumentException e) {
                // 2020年2月30日 and the like are typos, not dates
            }
        }
    }

    private static int hanYear(String digits) {
        int year = 0;
        for (char c : digits.toCharArray()) {
            int d = HAN_DIGITS.indexOf(c == '○' || c == '零' || c == 'Ｏ' ? '〇' : c);
            year = year * 10 + d;
        }
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("not a plausible year: " + digits);
        }
        return year;
    }

    /** 一 … 三十一: at most one 十. */
    private static int hanNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return HAN_DIGITS.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : HAN_DIGITS.indexOf(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : HAN_DIGITS.indexOf(s.charAt(ten + 1));
        return tens * 10 + ones;
    }
}
