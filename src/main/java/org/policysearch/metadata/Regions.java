package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places mentioned in a text, from the gazetteer {@code ingest/metadata/regions.tsv}. Matching is longest-alias-first
 * from left to right, so 河南平顶山 reads as 河南 + 平顶山 and never yields 南平. Two-character short names of prefectures
 * (百色, 凉山) run into ordinary words too often (四平八稳, 完成都要), so they count only right after their province
 * (广西百色) or before a county-level suffix (凉山彝区 does not, 百色县 would).
 */
final class Regions {

    record Place(String name, boolean province, String provinceName) {}

    private static final String COUNTY_SUFFIXES = "县区州盟旗";

    private final Map<String, Place> byAlias = new HashMap<>();
    private final Set<String> contextual = new HashSet<>();
    /** Longest alias starting with each char (0: none): most positions of a text start no alias at all. */
    private final int[] longestFrom = new int[Character.MAX_VALUE + 1];

    Regions(List<String[]> rows) {
        for (String[] r : rows) {
            Place place = new Place(r[0], r[1].equals("province"), r[2]);
            for (String alias : r[3].split(",")) {
                if (alias.isEmpty()) {
                    continue;
                }
                byAlias.put(alias, place);
                if (!place.province() && alias.length() == 2) {
                    contextual.add(alias);
                }
                longestFrom[alias.charAt(0)] = Math.max(longestFrom[alias.charAt(0)], alias.length());
            }
        }
    }

    static Regions load() {
        return new Regions(DataFiles.rows("regions.tsv"));
    }

    /** Canonical names in order of first mention; a prefecture's province comes right before it. */
    List<String> find(String simplifiedText) {
        Set<String> out = new LinkedHashSet<>();
        String lastProvince = null;
        int lastProvinceEnd = -1;
        int i = 0;
        while (i < simplifiedText.length()) {
            Place hit = null;
            int len = Math.min(longestFrom[simplifiedText.charAt(i)], simplifiedText.length() - i);
            for (; len >= 2; len--) {
                String alias = simplifiedText.substring(i, i + len);
                hit = byAlias.get(alias);
                if (hit != null && contextual.contains(alias)) {
                    boolean afterProvince =
                            lastProvinceEnd == i && hit.provinceName().equals(lastProvince);
                    boolean beforeSuffix = i + len < simplifiedText.length()
                            && COUNTY_SUFFIXES.indexOf(simplifiedText.charAt(i + len)) >= 0;
                    hit = afterProvince || beforeSuffix ? hit : null;
                }
                if (hit != null) {
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            if (hit.province()) {
                lastProvince = hit.name();
                lastProvinceEnd = i + len;
            }
            if (!hit.province()) {
                out.add(hit.provinceName());
            }
            out.add(hit.name());
            i += len;
        }
        return new ArrayList<>(out);
    }
}
