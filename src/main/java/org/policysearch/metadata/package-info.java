/**
 * From cleaned text and page metadata to document metadata: title, date, source, issuing body, 发文字号, type,
 * regions, topics, keywords, script and quality flags. Vocabularies live in {@code ingest/metadata/}.
 */
package org.policysearch.metadata;
