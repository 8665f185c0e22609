package org.policysearch.extract;

/** Small text helpers shared by the extraction paths. */
final class Texts {

    /** Longest first line still taken as a title: longer ones are body text. */
    static final int MAX_TITLE_CHARS = 60;

    private Texts() {}

    /** The first non-empty line when it is short enough to be a title, else null. */
    static String shortFirstLine(String text) {
        for (String line : text.split("\\R", 50)) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                return stripped.length() <= MAX_TITLE_CHARS ? stripped : null;
            }
        }
        return null;
    }

    /** CRLF and lone CR to LF. */
    static String normalizeNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
