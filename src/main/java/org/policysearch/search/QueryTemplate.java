package org.policysearch.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * The ways a loose (unquoted) term can be matched, compared on the judged query set by {@code RelevanceEvaluationIT}
 * (results in {@code docs/relevance-report.md}); {@link #DEFAULT} is the one that measured best. Public
 * only so that the evaluation, which lives with the other integration tests, can run every template.
 *
 * <p>Fields: {@code text}/{@code title} are smartcn words, {@code .bigram} adjacent-character pairs (with offsets,
 * so phrase = exact substring, cheap to highlight), {@code .char} single characters.
 */
public enum QueryTemplate {
    /** Baseline: one plain smartcn {@code match} on {@code text} (any word), no query syntax routing. */
    SMARTCN_TEXT(false, "1", false, null, false, false, false, null, null),
    /** Words only, every word required, text and title. */
    WORDS_AND(true, "100%", true, null, false, true, false, null, null),
    /** Words only, graded {@code 2<75%}. */
    WORDS_GRADED(true, "2<75%", true, null, false, true, false, null, null),
    /** Bigrams only, graded {@code 3<80%}. */
    BIGRAMS(true, null, false, "3<80%", false, true, false, null, null),
    /** The first slice: a bool should of graded words and exact substring (bigram phrase). */
    WORDS_PHRASE_BOOL(true, "2<75%", true, null, true, false, false, null, null),
    /** Hybrid gate: dis_max of graded words, graded bigrams and exact substring, on text and title. */
    HYBRID(true, "2<75%", true, "3<80%", true, true, false, null, null),
    /** {@link #HYBRID} plus boosts for the exact phrase in the title and text and for word proximity. */
    HYBRID_BOOSTED(true, "2<75%", true, "3<80%", true, true, true, null, null),
    /** {@link #HYBRID_BOOSTED} with a bool should instead of dis_max (correlated views add up). */
    HYBRID_BOOSTED_BOOL(true, "2<75%", true, "3<80%", true, false, true, null, null),
    /** {@link #HYBRID_BOOSTED} with every word and bigram required (strict AND). */
    HYBRID_STRICT(true, "100%", true, "100%", true, true, true, null, null),
    /**
     * {@link #HYBRID_BOOSTED} with a looser gate for long terms (questions): more than {@value QueryBuilder#LONG}
     * Han characters need {@code 3<50%} of words or {@code 3<50%} of bigrams.
     */
    HYBRID_LONG(true, "2<75%", true, "3<80%", true, true, true, "3<50%", "3<50%");

    /** The template that measured best on the judged query set; what the search API uses. */
    public static final QueryTemplate DEFAULT = HYBRID_LONG;

    final boolean routing;
    final String wordMsm;
    final boolean titleWords;
    final String bigramMsm;
    final boolean phraseGate;
    final boolean disMax;
    final boolean boosts;
    final String longWordMsm;
    final String longBigramMsm;

    /**
     * @param routing quoted phrases, single characters and document numbers get their exact treatment (false: the
     *     baseline sends everything to one match)
     * @param wordMsm minimum_should_match of the smartcn word match, null for no word clause
     * @param titleWords also match words in the title (boosted)
     * @param bigramMsm minimum_should_match of the bigram match, null for none
     * @param phraseGate the exact substring (bigram phrase) alone also lets a document in
     * @param disMax combine the gate's views with dis_max (tie 0.3) rather than adding them up
     * @param boosts add scoring-only clauses: exact phrase in title and text, words within 3 positions
     * @param longWordMsm word minimum_should_match for long terms, null for {@code wordMsm}
     * @param longBigramMsm bigram minimum_should_match for long terms, null for {@code bigramMsm}
     */
    QueryTemplate(
            boolean routing,
            String wordMsm,
            boolean titleWords,
            String bigramMsm,
            boolean phraseGate,
            boolean disMax,
            boolean boosts,
            String longWordMsm,
            String longBigramMsm) {
        this.routing = routing;
        this.wordMsm = wordMsm;
        this.titleWords = titleWords;
        this.bigramMsm = bigramMsm;
        this.phraseGate = phraseGate;
        this.disMax = disMax;
        this.boosts = boosts;
        this.longWordMsm = longWordMsm;
        this.longBigramMsm = longBigramMsm;
    }

    /** The scoring query for {@code query} built with this template. */
    public Query build(UserQuery query) {
        return QueryBuilder.relevance(query, this);
    }
}
