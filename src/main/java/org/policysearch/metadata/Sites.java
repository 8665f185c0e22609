package org.policysearch.metadata;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Known source hosts and their site names ({@code ingest/metadata/sites.tsv}). */
final class Sites {

    private final Map<String, String> byHost = new HashMap<>();

    Sites(List<String[]> rows) {
        rows.forEach(r -> byHost.put(r[0].toLowerCase(Locale.ROOT), r[1]));
    }

    static Sites load() {
        return new Sites(DataFiles.rows("sites.tsv"));
    }

    /** The site name for a URL's host or any parent domain of it, or null. */
    String nameFor(String url) {
        String host = host(url);
        while (host != null && !host.isEmpty()) {
            String name = byHost.get(host);
            if (name != null) {
                return name;
            }
            int dot = host.indexOf('.');
            host = dot < 0 ? null : host.substring(dot + 1);
        }
        return null;
    }

    static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String withScheme = url.contains("://") ? url : "http://" + url;
            String host = URI.create(withScheme.strip().replace(" ", "%20")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
