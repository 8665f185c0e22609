package org.policysearch.search;

import java.util.List;
import java.util.stream.Stream;

/**
 * A parsed user query (see {@link QueryParser} for the language). Every group is required; within a group any one
 * alternative suffices (the {@code OR} operator); every excluded term must be absent.
 *
 * @param required the groups a hit must satisfy, in query order
 * @param excluded terms a hit must not contain (always matched exactly, as a substring)
 */
public record UserQuery(List<Group> required, List<Term> excluded) {

    public UserQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
    }

    /** Where a term is looked for. */
    public enum Scope {
        ANY,
        TITLE
    }

    /**
     * One searched unit.
     *
     * @param text what to look for, stripped of the operators around it
     * @param phrase true for a quoted exact phrase (matched as a substring, every character in order)
     * @param scope the title only, or title and text
     * @param docNumber the canonical document number when {@code text} is one ({@link DocNumbers}), else null
     */
    public record Term(String text, boolean phrase, Scope scope, String docNumber) {}

    /** Alternatives joined by {@code OR}; a single term is a group of one. */
    public record Group(List<Term> alternatives) {

        public Group {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** No positive term: only browsing (match all), possibly minus exclusions. */
    public boolean isEmpty() {
        return required.isEmpty();
    }

    /** The terms that can match, in query order (what highlighting marks). */
    public List<Term> positiveTerms() {
        return required.stream().flatMap(g -> g.alternatives().stream()).toList();
    }

    int termCount() {
        return (int) Stream.concat(positiveTerms().stream(), excluded.stream()).count();
    }
}
