package org.policysearch.dedup;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides which indexed document, if any, a new one duplicates, given the candidates that share its exact hash or a
 * band key. Duplicates always point at a representative, so clusters never form chains; a copy of a copy joins the
 * first copy's representative even when its own similarity to that representative is a little lower.
 */
@Component
public final class DuplicateResolver {

    // Deterministic whatever order the index returns candidates in: best similarity, then smallest ids.
    private static final Comparator<DuplicateMatch> PREFERENCE = Comparator.comparing(DuplicateMatch::exact)
            .thenComparingDouble(DuplicateMatch::similarity)
            .reversed()
            .thenComparing(DuplicateMatch::representative)
            .thenComparing(DuplicateMatch::matchedId);

    private final DedupProperties properties;

    public DuplicateResolver(DedupProperties properties) {
        this.properties = properties;
    }

    /** The representative the new document duplicates, or empty when it is new. */
    public Optional<String> representativeOf(Fingerprint fingerprint, Collection<Candidate> candidates) {
        return bestMatch(fingerprint, candidates).map(DuplicateMatch::representative);
    }

    /**
     * The best match, exact before near: an exact hash match wins over any similarity. An empty text duplicates
     * nothing, so failed extractions never collapse into one cluster; a text too short for band keys (on either side)
     * only matches exactly.
     */
    public Optional<DuplicateMatch> bestMatch(Fingerprint fingerprint, Collection<Candidate> candidates) {
        if (fingerprint.minhash().length == 0) {
            return Optional.empty();
        }
        return candidates.stream()
                .map(candidate -> match(fingerprint, candidate))
                .flatMap(Optional::stream)
                .min(PREFERENCE);
    }

    private Optional<DuplicateMatch> match(Fingerprint fingerprint, Candidate candidate) {
        Fingerprint other = candidate.fingerprint();
        if (fingerprint.exactHash().equals(other.exactHash())) {
            return Optional.of(new DuplicateMatch(candidate.representative(), candidate.id(), 1.0, true));
        }
        if (fingerprint.bands().isEmpty() || other.bands().isEmpty()) {
            return Optional.empty();
        }
        double similarity = Fingerprint.similarity(fingerprint, other);
        if (similarity < properties.threshold()) {
            return Optional.empty();
        }
        return Optional.of(new DuplicateMatch(candidate.representative(), candidate.id(), similarity, false));
    }
}
