package org.policysearch.metadata;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strips what sites and file names add to a title: site-name suffixes and file extensions. */
final class Titles {

    /** _ | ｜ anywhere; a single dash or em dash (a doubled —— is a subtitle dash and stays). */
    private static final Pattern SEPARATOR =
            Pattern.compile("\\s*[_|｜]\\s*|\\s+[-–—]\\s+|(?<=\\S)-(?=\\S)|(?<!—)—(?!—)");

    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(?:docx?|pdf|txt|wps|rtf|html?|pptx?|xlsx?)$");
    private static final Pattern SITE_LIKE = Pattern.compile("(?:网|网站|频道|门户|首页|官网|文库|在线)$|\\.(?:com|cn|net|org)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Set<String> suffixes;

    Titles(List<String> suffixes) {
        this.suffixes = Set.copyOf(suffixes);
    }

    static Titles load() {
        return new Titles(DataFiles.lines("title-suffixes.txt"));
    }

    String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String t = SPACES.matcher(raw.strip()).replaceAll(" ");
        t = EXTENSION.matcher(t).replaceFirst("").strip();
        // Drop trailing segments while they name a site: 标题_共产党员网, 标题 - 中国政府网.
        while (true) {
            Matcher m = SEPARATOR.matcher(t);
            int lastStart = -1;
            int lastEnd = -1;
            while (m.find()) {
                if (m.start() > 0) {
                    lastStart = m.start();
                    lastEnd = m.end();
                }
            }
            if (lastStart < 0 || !isSite(t.substring(lastEnd).strip())) {
                break;
            }
            t = t.substring(0, lastStart).strip();
        }
        t = EXTENSION.matcher(t).replaceFirst("").strip();
        return t.isBlank() ? null : t;
    }

    private boolean isSite(String segment) {
        return segment.isEmpty()
                || suffixes.contains(segment)
                || SITE_LIKE.matcher(segment).find();
    }
}
