package io.netmodel.shell.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --plot FILE}: the latency CDF of each run as a self-contained SVG, drawn by hand (no
 * scripts, no fonts or styles from outside). One panel per experiment, one curve per mode or
 * run, a shared legend; the x axis of a panel ends at the highest p99.9 of its curves so a few
 * outliers do not flatten the rest. {@link #html} wraps the same SVG in a minimal page (also
 * well-formed XML).
 */
public final class CdfPlot {
    /** One curve. */
    public record Series(String label, long[] samplesNs) {
    }

    /** One panel of curves with a title. */
    public record Panel(String title, List<Series> series) {
    }

    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
    private static final int PANEL_W = 440;
    private static final int PANEL_H = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;
    private static final int PER_ROW = 3;
    private static final int HEADER = 64;
    private static final int POINTS = 400;

    private CdfPlot() {
    }

    public static String html(String title, List<Panel> panels) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"/><title>" + esc(title)
            + "</title></head>\n<body>\n" + svg(title, panels) + "</body>\n</html>\n";
    }

    public static String svg(String title, List<Panel> panels) {
        int cols = Math.min(PER_ROW, Math.max(1, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        int width = cols * PANEL_W;
        int height = HEADER + Math.max(1, rows) * PANEL_H;
        Map<String, String> colours = colours(panels);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
            .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(LEFT).append("\" y=\"20\" font-size=\"15\" font-weight=\"bold\">").append(esc(title))
            .append("</text>\n");
        int lx = LEFT;
        for (Map.Entry<String, String> c : colours.entrySet()) {
            s.append("<line x1=\"").append(lx).append("\" y1=\"42\" x2=\"").append(lx + 22).append("\" y2=\"42\" stroke=\"")
                .append(c.getValue()).append("\" stroke-width=\"2.5\"/>");
            s.append("<text x=\"").append(lx + 28).append("\" y=\"46\">").append(esc(c.getKey())).append("</text>\n");
            lx += 40 + 7 * c.getKey().length();
        }
        for (int i = 0; i < panels.size(); i++) {
            panel(s, panels.get(i), LEFT + (i % cols) * PANEL_W, HEADER + (i / cols) * PANEL_H + TOP, colours);
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void panel(StringBuilder s, Panel p, int x0, int y0, Map<String, String> colours) {
        int w = PANEL_W - LEFT - RIGHT;
        int h = PANEL_H - TOP - BOTTOM;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        Map<Series, long[]> sorted = new LinkedHashMap<>();
        for (Series se : p.series()) {
            if (se.samplesNs().length == 0) {
                continue;
            }
            long[] v = se.samplesNs().clone();
            Arrays.sort(v);
            sorted.put(se, v);
            lo = Math.min(lo, v[0]);
            hi = Math.max(hi, v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.999) - 1)]);
        }
        s.append("<g>\n<text x=\"").append(x0).append("\" y=\"").append(y0 - 8).append("\" font-weight=\"bold\">")
            .append(esc(p.title())).append("</text>\n");
        s.append("<rect x=\"").append(x0).append("\" y=\"").append(y0).append("\" width=\"").append(w)
            .append("\" height=\"").append(h).append("\" fill=\"none\" stroke=\"#888\"/>\n");
        for (int k = 0; k <= 4; k++) {
            double y = y0 + h - h * k / 4.0;
            s.append("<line x1=\"").append(x0).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(x0 + w)
                .append("\" y2=\"").append(num(y)).append("\" stroke=\"#ddd\"/>");
            s.append("<text x=\"").append(x0 - 6).append("\" y=\"").append(num(y + 4)).append("\" text-anchor=\"end\">")
                .append(String.format(Locale.ROOT, "%.2f", k / 4.0)).append("</text>\n");
        }
        s.append("<text x=\"").append(x0 - 42).append("\" y=\"").append(y0 + h / 2).append("\" transform=\"rotate(-90 ")
            .append(x0 - 42).append(' ').append(y0 + h / 2).append(")\" text-anchor=\"middle\">fraction of requests</text>\n");
        s.append("<text x=\"").append(x0 + w / 2).append("\" y=\"").append(y0 + h + 34)
            .append("\" text-anchor=\"middle\">latency (µs), to the highest p99.9</text>\n");
        if (sorted.isEmpty()) {
            s.append("<text x=\"").append(x0 + w / 2).append("\" y=\"").append(y0 + h / 2)
                .append("\" text-anchor=\"middle\">no samples</text>\n</g>\n");
            return;
        }
        if (hi <= lo) {
            hi = lo + 1000;
        }
        double step = tickStep((hi - lo) / 1000.0);
        for (double t = Math.ceil(lo / 1000.0 / step) * step; t <= hi / 1000.0 + 1e-9; t += step) {
            double x = x0 + w * (t * 1000 - lo) / (hi - lo);
            s.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(y0 + h).append("\" x2=\"").append(num(x))
                .append("\" y2=\"").append(y0 + h + 4).append("\" stroke=\"#888\"/>");
            s.append("<text x=\"").append(num(x)).append("\" y=\"").append(y0 + h + 17).append("\" text-anchor=\"middle\">")
                .append(Fmt.plain(t, 2)).append("</text>\n");
        }
        for (Map.Entry<Series, long[]> e : sorted.entrySet()) {
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colours.get(e.getKey().label()))
                .append("\" points=\"").append(points(e.getValue(), lo, hi, x0, y0, w, h)).append("\"><title>")
                .append(esc(e.getKey().label())).append("</title></polyline>\n");
        }
        s.append("</g>\n");
    }

    /** Up to {@value #POINTS} points of the empirical CDF, clipped at {@code hi}. */
    private static String points(long[] v, long lo, long hi, int x0, int y0, int w, int h) {
        StringBuilder pts = new StringBuilder();
        int n = v.length;
        int k = Math.min(n, POINTS);
        for (int j = 0; j <= k; j++) {
            int idx = (int) Math.round((double) j * (n - 1) / k);
            long value = Math.min(v[idx], hi);
            double x = x0 + w * (double) (value - lo) / (hi - lo);
            double y = y0 + h - h * (idx + 1.0) / n;
            pts.append(j == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
            if (v[idx] >= hi) {
                break;
            }
        }
        return pts.toString();
    }

    /** A colour per distinct series label, in order of first appearance. */
    private static Map<String, String> colours(List<Panel> panels) {
        Map<String, String> c = new LinkedHashMap<>();
        for (Panel p : panels) {
            for (Series se : p.series()) {
                c.computeIfAbsent(se.label(), k -> COLOURS[c.size() % COLOURS.length]);
            }
        }
        return c;
    }

    /** 1, 2 or 5 × 10^k µs, giving four to ten ticks over {@code rangeUs}. */
    static double tickStep(double rangeUs) {
        double step = Math.pow(10, Math.floor(Math.log10(rangeUs / 5)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (rangeUs / (step * m) <= 10) {
                return step * m;
            }
        }
        return step * 10;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
