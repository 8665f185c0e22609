package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places mentioned in a text, from the gazetteer {@code ingest/metadata/regions.tsv}. Matching is longest-alias-first
 * from left to right, so 河南平顶山 reads as 河南 + 平顶山 and never yields 南平.
 */
final class Regions {

    record Place(String name, boolean province, String provinceName) {}

    private final Map<String, Place> byAlias = new HashMap<>();
    private int longest;

    Regions(List<String[]> rows) {
        for (String[] r : rows) {
            Place place = new Place(r[0], r[1].equals("province"), r[2]);
            for (String alias : r[3].split(",")) {
                byAlias.put(alias, place);
                longest = Math.max(longest, alias.length());
            }
        }
    }

    static Regions load() {
        return new Regions(DataFiles.rows("regions.tsv"));
    }

    /** Canonical names in order of first mention; a prefecture's province comes right before it. */
    List<String> find(String simplifiedText) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        while (i < simplifiedText.length()) {
            Place hit = null;
            int len = Math.min(longest, simplifiedText.length() - i);
            for (; len >= 2; len--) {
                hit = byAlias.get(simplifiedText.substring(i, i + len));
                if (hit != null) {
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
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
