package org.policysearch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's meta tags by lower-case name/property, values in document order, plus {@code title} from the tag. */
final class MetaTags {

    private MetaTags() {}

    static Map<String, List<String>> collect(Document doc) {
        Map<String, List<String>> meta = new LinkedHashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String key = firstNonBlank(m.attr("name"), m.attr("property"), m.attr("itemprop"));
            String value = m.attr("content").strip();
            if (!key.isEmpty() && !value.isEmpty()) {
                add(meta, key.strip().toLowerCase(Locale.ROOT), value);
            }
        }
        String title = TitleFinder.clean(doc.title());
        if (!title.isEmpty() && !meta.containsKey("title")) {
            add(meta, "title", title);
        }
        return meta;
    }

    static void add(Map<String, List<String>> meta, String key, String value) {
        meta.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    static String first(Map<String, List<String>> meta, String key) {
        List<String> values = meta.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
