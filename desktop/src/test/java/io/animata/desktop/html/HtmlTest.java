package io.animata.desktop.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every piece of text on a page is escaped. */
class HtmlTest {
    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Html.escape("<b> & \"x\" 'y'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void textInEveryPlaceIsEscaped() {
        String evil = "<script>alert('x')</script>";
        String page = new Html(evil).h(1, evil).p(evil).note(evil).pre(evil).img(evil, evil)
                .table(List.of(evil), List.of(List.of(evil), List.of("12.5"))).render();
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;"));
        assertTrue(page.contains("<td class=\"num\">12.5</td>"), page);
    }
}
