/**
 * Policy search: ingestion ({@code ingest}, {@code extract}, {@code clean}, {@code metadata}, {@code dedup}), the
 * Elasticsearch index ({@code es}, {@code index}), search ({@code search}) and the web layer ({@code web}).
 */
package org.policysearch;
