package org.policysearch.clean;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One data-driven rule from {@code ingest/rules/cleaning.yml}.
 *
 * @param until for {@code block}: where the block ends (inclusive); null means at the next blank line or the end
 * @param toEnd for {@code block}: the block runs to the end of the document ({@code until: END} in the file)
 * @param replacement for {@code replace}: the regex replacement, empty when absent
 * @param hosts source hosts the rule is limited to (a host matches itself and its subdomains); empty = global
 */
record CleaningRule(
        String id,
        String description,
        Kind kind,
        Pattern pattern,
        Pattern until,
        boolean toEnd,
        String replacement,
        List<String> hosts) {

    enum Kind {
        /** Drop every line the pattern finds something in. */
        LINE,
        /** Drop from a line the pattern finds something in to {@code until} (or the next blank line / the end). */
        BLOCK,
        /** Regex replace within the whole text. */
        REPLACE
    }

    boolean appliesTo(String sourceHost) {
        if (hosts.isEmpty()) {
            return true;
        }
        if (sourceHost == null) {
            return false;
        }
        String host = sourceHost.toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }
}
