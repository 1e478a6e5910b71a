package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CdfPlotTest {
    private static final List<CdfPlot.Panel> PANELS = List.of(
        new CdfPlot.Panel("12K+0: <80 µs> & \"0\"", List.of(
            new CdfPlot.Series("interrupts", spread(1000, 13_000)),
            new CdfPlot.Series("busy-poll", spread(1000, 13_600)))),
        new CdfPlot.Panel("32K+30", List.of(
            new CdfPlot.Series("interrupts", spread(50, 21_000)),
            new CdfPlot.Series("busy-poll", new long[0]))),
        new CdfPlot.Panel("empty", List.of()));

    private static long[] spread(int n, long base) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = base + (i * 37L) % 2_000 + (i == n - 1 ? 500_000 : 0);
        }
        return s;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svg_is_well_formed_xml_with_one_curve_per_series_that_has_samples() throws Exception {
        Document doc = parse(CdfPlot.svg("latency CDF", PANELS));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals(3, doc.getElementsByTagNameNS("*", "polyline").getLength());
        String text = root.getTextContent();
        assertTrue(text.contains("12K+0: <80 µs> & \"0\""), text);
        assertTrue(text.contains("no samples"));
    }

    @Test
    void curve_points_stay_inside_the_plot_even_with_an_outlier() throws Exception {
        Document doc = parse(CdfPlot.svg("t", PANELS.subList(0, 1)));
        Element line = (Element) doc.getElementsByTagNameNS("*", "polyline").item(0);
        for (String pt : line.getAttribute("points").split(" ")) {
            double x = Double.parseDouble(pt.split(",")[0]);
            double y = Double.parseDouble(pt.split(",")[1]);
            assertTrue(x >= 56 && x <= 56 + 440 - 56 - 16, "x " + x);
            assertTrue(y >= 64 + 28 && y <= 64 + 28 + 280 - 28 - 44, "y " + y);
        }
    }

    @Test
    void html_page_is_also_well_formed_xml_and_self_contained() throws Exception {
        String html = CdfPlot.html("latency CDF", PANELS);
        Document doc = parse(html);
        assertEquals("html", doc.getDocumentElement().getNodeName());
        assertEquals(1, doc.getElementsByTagNameNS("*", "svg").getLength());
        assertTrue(!html.contains("<script") && !html.contains("href=") && !html.contains("src="));
    }

    @Test
    void same_input_same_bytes() {
        assertEquals(CdfPlot.svg("t", PANELS), CdfPlot.svg("t", PANELS));
    }

    @Test
    void tick_steps_are_1_2_5() {
        assertEquals(1.0, CdfPlot.tickStep(8));
        assertEquals(2.0, CdfPlot.tickStep(15));
        assertEquals(0.5, CdfPlot.tickStep(3));
        assertEquals(50.0, CdfPlot.tickStep(400));
    }
}
