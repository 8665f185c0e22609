/** From bytes to text: type detection by content, charset decoding, HTML main content, Tika for office/PDF. */
package org.policysearch.extract;
