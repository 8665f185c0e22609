package org.policysearch.clean;

import java.util.List;

/**
 * Cleaned text. Convention: one paragraph per line, paragraphs separated by a single {@code "\n"}, no blank lines, no
 * leading indentation or trailing spaces.
 *
 * @param text the cleaned text
 * @param rulesFired ids of the rules that changed the text, in the order they ran, each once
 * @param keywordLine the page's own keyword footer (e.g. {@code 关键词: 党建 脱贫}) without its label, removed from the
 *     text but kept for metadata; null when there was none
 */
public record CleanedText(String text, List<String> rulesFired, String keywordLine) {

    public CleanedText {
        rulesFired = List.copyOf(rulesFired);
    }
}
