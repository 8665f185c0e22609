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
    SMARTCN_TEXT(false, "1", false, null, false, false, false, null, null, false, LongGate.BOTH),
    /** Words only, every word required, text and title. */
    WORDS_AND(true, "100%", true, null, false, true, false, null, null, false, LongGate.BOTH),
    /** Words only, graded {@code 2<75%}. */
    WORDS_GRADED(true, "2<75%", true, null, false, true, false, null, null, false, LongGate.BOTH),
    /** Bigrams only, graded {@code 3<80%}. */
    BIGRAMS(true, null, false, "3<80%", false, true, false, null, null, false, LongGate.BOTH),
    /** The first slice: a bool should of graded words and exact substring (bigram phrase). */
    WORDS_PHRASE_BOOL(true, "2<75%", true, null, true, false, false, null, null, false, LongGate.BOTH),
    /** Hybrid gate: dis_max of graded words, graded bigrams and exact substring, on text and title. */
    HYBRID(true, "2<75%", true, "3<80%", true, true, false, null, null, false, LongGate.BOTH),
    /** {@link #HYBRID} plus boosts for the exact phrase in the title and text and for word proximity. */
    HYBRID_BOOSTED(true, "2<75%", true, "3<80%", true, true, true, null, null, false, LongGate.BOTH),
    /** {@link #HYBRID_BOOSTED} with a bool should instead of dis_max (correlated views add up). */
    HYBRID_BOOSTED_BOOL(true, "2<75%", true, "3<80%", true, false, true, null, null, false, LongGate.BOTH),
    /** {@link #HYBRID_BOOSTED} with every word and bigram required (strict AND). */
    HYBRID_STRICT(true, "100%", true, "100%", true, true, true, null, null, false, LongGate.BOTH),
    /**
     * {@link #HYBRID_BOOSTED} with a looser gate for long terms (questions): more than {@value QueryBuilder#LONG}
     * Han characters need {@code 3<50%} of words or {@code 3<50%} of bigrams.
     */
    HYBRID_LONG(true, "2<75%", true, "3<80%", true, true, true, "3<50%", "3<50%", false, LongGate.BOTH),
    /** {@link #HYBRID_LONG} with its boosts moved to a rescore of the best {@value #RESCORE_WINDOW} hits. */
    HYBRID_LONG_RESCORE(true, "2<75%", true, "3<80%", true, true, true, "3<50%", "3<50%", true, LongGate.BOTH),
    /** {@link #HYBRID_LONG_RESCORE} where long terms are let in by their words (or exact run) only, not bigrams. */
    HYBRID_LONG_WORDS(true, "2<75%", true, "3<80%", true, true, true, "3<50%", null, true, LongGate.WORDS),
    /** {@link #HYBRID_LONG_RESCORE} where long terms are let in by their bigrams (or exact run) only, not words. */
    HYBRID_LONG_BIGRAMS(true, "2<75%", true, "3<80%", true, true, true, null, "3<50%", true, LongGate.BIGRAMS),
    /** {@link #HYBRID_LONG_BIGRAMS} with a looser bigram gate for long terms, {@code 3<40%}. */
    HYBRID_LONG_BIGRAMS_40(true, "2<75%", true, "3<80%", true, true, true, null, "3<40%", true, LongGate.BIGRAMS),
    /** {@link #HYBRID_LONG_RESCORE} with a stricter word gate for long terms, {@code 3<65%}. */
    HYBRID_LONG_W65(true, "2<75%", true, "3<80%", true, true, true, "3<65%", "3<50%", true, LongGate.BOTH),
    /** {@link #HYBRID_LONG_RESCORE} with a stricter word gate for long terms, {@code 3<80%}. */
    HYBRID_LONG_W80(true, "2<75%", true, "3<80%", true, true, true, "3<80%", "3<50%", true, LongGate.BOTH);

    /** Which views let a long term's documents in (its exact run always does, where the template has it). */
    enum LongGate {
        BOTH,
        WORDS,
        BIGRAMS
    }

    /**
     * Hits per shard that a rescoring template's boosts re-order: covers the judged set's top 100 and the first ten
     * pages of results; a deeper page widens it to reach its last hit.
     */
    public static final int RESCORE_WINDOW = 100;

    /** The template that measured best on the judged query set; what the search API uses. */
    public static final QueryTemplate DEFAULT = HYBRID_LONG_BIGRAMS_40;

    final boolean routing;
    final String wordMsm;
    final boolean titleWords;
    final String bigramMsm;
    final boolean phraseGate;
    final boolean disMax;
    final boolean boosts;
    final String longWordMsm;
    final String longBigramMsm;
    final boolean rescore;
    final LongGate longGate;

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
     * @param rescore the boosts re-order the best {@link #RESCORE_WINDOW} hits instead of scoring every match
     * @param longGate the views whose graded match lets a long term's documents in
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
            String longBigramMsm,
            boolean rescore,
            LongGate longGate) {
        this.routing = routing;
        this.wordMsm = wordMsm;
        this.titleWords = titleWords;
        this.bigramMsm = bigramMsm;
        this.phraseGate = phraseGate;
        this.disMax = disMax;
        this.boosts = boosts;
        this.longWordMsm = longWordMsm;
        this.longBigramMsm = longBigramMsm;
        this.rescore = rescore;
        this.longGate = longGate;
    }

    /** The scoring query for {@code query} built with this template. */
    public Query build(UserQuery query) {
        return QueryBuilder.relevance(query, this);
    }

    /** The rescore query for {@code query} (the boosts this template moves out of the query), or null for none. */
    public Query rescore(UserQuery query) {
        return QueryBuilder.boosts(query, this);
    }
}
