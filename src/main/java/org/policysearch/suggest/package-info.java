/**
 * Search-as-you-type: completion inputs (Simplified text, full pinyin, pinyin initials) computed when a document is
 * written, and {@code GET /api/suggest} answering a Chinese or pinyin prefix with titles and frequent terms.
 */
package org.policysearch.suggest;
