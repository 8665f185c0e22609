package org.policysearch.metadata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promulgation lines at the head of laws and judicial interpretations: {@code 2020年12月26日
 * 第十三届全国人民代表大会常务委员会第二十四次会议通过}, {@code 2001年4月9日 最高人民法院、最高人民检察院公告公布}. The body that first
 * adopted the text is its issuing body; the latest adoption/amendment/publication date is its date (施行 dates are
 * when it takes effect, not when it was issued).
 */
final class Promulgation {

    /** How many leading lines may hold promulgation lines. */
    static final int HEADER_LINES = 40;

    private static final Pattern ACT = Pattern.compile("(?:通过|公布|发布|修正|修订|颁布|印发)");
    /** A joint adoption split over lines: 2018年9月17日 最高人民法院审判委员会第1749次会议 / 2018年12月12日 最高人民检察院…通过. */
    private static final Pattern PART_OF_ACT = Pattern.compile("会议$");

    private static final Pattern EFFECTIVE = Pattern.compile("施行|生效");
    private static final Pattern ORG = Pattern.compile(
            "(?:第[一二三四五六七八九十]+届)?((?:全国人民代表大会(?:常务委员会)?|[\\p{IsHan}]{2,12}?人民代表大会(?:常务委员会)?|最高人民法院|最高人民检察院|国务院|中共中央|[\\p{IsHan}]{2,16}?(?:部|委员会|总局|署|局|人民政府)))"
                    + "(?=审判委员会|检察委员会|第|公告|令|常务会议|通过|公布|发布|修正|修订|[、，,\\s]|$)");

    record Header(java.time.LocalDate date, String issuingBody) {}

    private Promulgation() {}

    /** Null when the text does not start with promulgation lines. */
    static Header read(List<String> lines) {
        java.time.LocalDate latest = null;
        Set<String> bodies = new LinkedHashSet<>();
        boolean firstActDone = false;
        int seen = 0;
        for (String line : lines) {
            if (seen++ > HEADER_LINES) {
                break;
            }
            List<Dates.Found> dates = Dates.findAll(line);
            boolean act = ACT.matcher(line).find();
            if (dates.isEmpty()
                    || dates.get(0).start() > 1
                    || !(act || PART_OF_ACT.matcher(line).find())) {
                continue;
            }
            if (EFFECTIVE.matcher(line).find() && !line.contains("通过") && !line.contains("公布")) {
                continue;
            }
            for (Dates.Found d : dates) {
                if (latest == null || d.date().isAfter(latest)) {
                    latest = d.date();
                }
            }
            if (!firstActDone) {
                bodies.addAll(organisations(line.substring(dates.get(0).end())));
                firstActDone = act;
            }
        }
        return latest == null ? null : new Header(latest, bodies.isEmpty() ? null : String.join("、", bodies));
    }

    private static Set<String> organisations(String rest) {
        Set<String> orgs = new LinkedHashSet<>();
        // Later organisations in the same line follow another date: 最高人民法院…、2018年12月12日最高人民检察院….
        for (String part : rest.split("、")) {
            String p = part.strip();
            p = p.startsWith("由") ? p.substring(1) : p;
            Dates.Found d = Dates.first(p);
            if (d != null && d.start() == 0) {
                p = p.substring(d.end()).strip();
                p = p.startsWith("由") ? p.substring(1) : p;
            }
            Matcher m = ORG.matcher(p);
            if (m.find() && m.start() <= 8) {
                orgs.add(m.group(1));
            }
        }
        return orgs;
    }
}
