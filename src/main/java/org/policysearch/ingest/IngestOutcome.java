package org.policysearch.ingest;

import org.policysearch.index.PolicyDocument;

/**
 * What became of one ingested file.
 *
 * @param document the stored document
 * @param created false when the identical file had been ingested before (nothing changed)
 */
public record IngestOutcome(PolicyDocument document, boolean created) {}
