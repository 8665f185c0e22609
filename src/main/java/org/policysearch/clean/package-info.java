/** From extracted text to clean text: strips site chrome, doc-sharing banners, page markers and pinyin notes. */
package org.policysearch.clean;
