/** The web layer: API key, problem details, error codes, and (later) the server-rendered pages. */
package org.policysearch.web;
