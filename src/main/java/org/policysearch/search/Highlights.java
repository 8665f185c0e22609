package org.policysearch.search;

/** Post-processing of highlighter fragments. */
final class Highlights {

    private Highlights() {}

    /**
     * Adjacent marks become one: the highlighter marks each matched token, and a phrase should read as one mark
     * ({@code <em>基层党组织</em>}, not {@code <em>基层</em><em>党组织</em>}).
     */
    static String mergeAdjacent(String fragment) {
        return fragment.replace("</em><em>", "");
    }
}
