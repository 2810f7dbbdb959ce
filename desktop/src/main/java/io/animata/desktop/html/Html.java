package io.animata.desktop.html;

import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small writer of static HTML report pages: a page with a title and plain CSS, headings, paragraphs, tables and
 * images, every piece of text escaped. One page per report needs no templating library.
 *
 * <p>Threading: not thread-safe; one page per thread.
 *
 * <pre>{@code
 * Html page = new Html("Playtest: trap");
 * page.h(1, "Playtest: trap").p("Coverage 98.9 %").img("coverage.png", "coverage heatmap");
 * page.table(List.of("spot", "events"), rows);
 * page.write(out.resolve("report.html"));
 * }</pre>
 */
public final class Html {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;"
            + "color:#222;padding:0 1em}h1{margin-bottom:0.2em}table{border-collapse:collapse;margin:0.5em 0 1.5em}"
            + "th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left;vertical-align:top}"
            + "th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}"
            + "img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}code,pre{background:#f6f6f6;padding:0.1em 0.3em}"
            + "pre{padding:0.6em;overflow-x:auto}.muted{color:#777}";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** @param title the page's title (escaped) */
    public Html(String title) {
        this.title = title;
    }

    /** @return {@code text} with {@code & < > " '} escaped, for HTML text and attribute values */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Adds a heading of level 1 to 3. @return this */
    public Html h(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** Adds a paragraph. @return this */
    public Html p(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Adds a paragraph in grey. @return this */
    public Html note(String text) {
        body.append("<p class=\"muted\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Adds preformatted text (a command, a stack trace). @return this */
    public Html pre(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** Adds an image. @return this */
    public Html img(String src, String alt) {
        body.append("<img src=\"").append(escape(src)).append("\" alt=\"").append(escape(alt)).append("\">\n");
        return this;
    }

    /**
     * Adds a table; cells that parse as numbers are right-aligned.
     *
     * @param header the column names
     * @param rows the rows (each as long as the header)
     * @return this
     */
    public Html table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                body.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return the whole page */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /**
     * Writes the page.
     *
     * @throws AnimataException naming the file when it cannot be written
     */
    public void write(Path file) {
        try {
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnimataException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
