/** The Elasticsearch engine: the managed local node (the embedded default) or an external cluster. */
package org.policysearch.es;
