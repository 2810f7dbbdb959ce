/**
 * Static HTML report pages for the command-line tools ({@link io.animata.desktop.html.Html}): escaped text, tables and
 * the PNG pictures beside them.
 *
 * <p>Threading: a page is built on one thread.
 */
package io.animata.desktop.html;
