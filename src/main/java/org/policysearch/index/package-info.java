/** The document index: its definition, versions behind an alias, and document reads and writes. */
package org.policysearch.index;
