package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The dashboard's charts as inline SVG, drawn in Java so the page needs no script and makes no
 * request. Readable without colour: black and grey only, values written beside the marks, series told
 * apart by marker shape and dash pattern, hidden cells drawn as a hatched box labelled "&lt;11".
 */
final class SvgCharts {

  /** One row of a dot-and-interval or bar chart; value null with hiddenText set when it is hidden. */
  record Item(String label, Double value, Double low, Double high, String text, String hiddenText) {}

  /** One line of a line chart: values per x position (null: a gap), with an optional interval band. */
  record Series(String label, List<Double> values, List<Double> lows, List<Double> highs) {}

  private static final int WIDTH = 760;
  private static final int LEFT = 200;
  private static final int RIGHT = 230;
  private static final int ROW = 26;
  private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "12 4", "1 2"};
  private static final String[] MARKERS = {"circle", "square", "triangle", "diamond", "cross", "plus"};

  private SvgCharts() {}

  /** The hatch pattern hidden cells are drawn with; defined once per chart (ids are per chart). */
  private static String defs(String id) {
    return "<defs><pattern id=\"" + id + "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
        + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"2\"/></pattern></defs>";
  }

  /**
   * Horizontal rows, each a dot with its interval whisker (or a bar when {@code bars}), on a scale
   * from 0 (or the smallest low below it) to {@code max}.
   */
  static String rows(String id, String title, List<Item> items, double max, boolean bars,
      DoubleFunction<String> tick) {
    double min = 0;
    for (Item item : items) {
      if (item.low() != null && item.low() < min) {
        min = item.low();
      }
      if (item.high() != null && item.high() > max) {
        max = item.high();
      }
      if (item.value() != null && item.value() > max) {
        max = item.value();
      }
    }
    if (max <= min) {
      max = min + 1;
    }
    double step = niceStep((max - min) / 4);
    min = Math.floor(min / step) * step;
    max = Math.ceil(max / step) * step;
    int plot = WIDTH - LEFT - RIGHT;
    int top = 10;
    int height = top + items.size() * ROW + 34;
    double lo = min;
    double span = max - min;
    DoubleFunction<Double> x = v -> LEFT + (v - lo) / span * plot;
    StringBuilder svg = open(id, title, height);
    svg.append(defs(id));
    int axisY = top + items.size() * ROW + 4;
    svg.append(line(LEFT, axisY, LEFT + plot, axisY, "#000", 1, ""));
    for (int t = 0; min + t * step <= max + step / 1e6; t++) {
      double v = min + t * step;
      double tx = x.apply(v);
      svg.append(line(tx, top, tx, axisY, "#ddd", 1, ""));
      svg.append(text(tx, axisY + 16, tick.apply(v), "middle", 11));
    }
    if (min < 0) {
      svg.append(line(x.apply(0), top, x.apply(0), axisY, "#000", 1, "3 2"));
    }
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      double cy = top + i * ROW + ROW / 2.0;
      svg.append(text(LEFT - 8, cy + 4, item.label(), "end", 12));
      if (item.value() == null) {
        String note = item.hiddenText() == null ? Figures.UNDEFINED : item.hiddenText();
        if (item.hiddenText() != null) {
          svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"url(#%s-hatch)\""
              + " stroke=\"#888\"/>", LEFT, cy - 8, plot / 3, 16, id));
        }
        svg.append(text(LEFT + plot + 8, cy + 4, note, "start", 12));
        continue;
      }
      double vx = x.apply(item.value());
      if (bars) {
        double x0 = x.apply(Math.max(0, lo));
        svg.append(String.format(Locale.US, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#555\"/>",
            Math.min(x0, vx), cy - 8, Math.abs(vx - x0), 16));
      }
      if (item.low() != null && item.high() != null) {
        double lx = x.apply(item.low());
        double hx = x.apply(item.high());
        svg.append(line(lx, cy, hx, cy, "#000", 1.5, ""));
        svg.append(line(lx, cy - 6, lx, cy + 6, "#000", 1.5, ""));
        svg.append(line(hx, cy - 6, hx, cy + 6, "#000", 1.5, ""));
      }
      if (!bars) {
        svg.append(String.format(Locale.US, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#000\"/>", vx, cy));
      }
      svg.append(text(LEFT + plot + 8, cy + 4, item.text(), "start", 12));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Lines over categorical x positions (months) on a 0 to 1 scale written as percentages; the first
   * series' interval is drawn as a grey band; x positions from {@code shadeFrom} on are hatched and
   * labelled {@code shadeLabel}.
   */
  static String lines(String id, String title, List<String> xLabels, List<Series> series, int shadeFrom,
      String shadeLabel) {
    int left = 60;
    int right = 190;
    int top = 14;
    int plotHeight = 230;
    int plot = WIDTH - left - right;
    int n = xLabels.size();
    DoubleFunction<Double> x = i -> n == 1 ? left + plot / 2.0 : left + i * plot / (double) (n - 1);
    DoubleFunction<Double> y = v -> top + (1 - v) * plotHeight;
    StringBuilder svg = open(id, title, top + plotHeight + 60 + 18 * series.size());
    svg.append(defs(id));
    if (shadeFrom >= 0 && shadeFrom < n) {
      double sx = shadeFrom == 0 ? left : (x.apply(shadeFrom - 1) + x.apply(shadeFrom)) / 2;
      svg.append(String.format(Locale.US, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"url(#%s-hatch)\""
          + " opacity=\"0.5\"/>", sx, top, left + plot - sx + 6, plotHeight, id));
      svg.append(text(left + plot + 8, top + 12, shadeLabel, "start", 11));
    }
    for (int t = 0; t <= 4; t++) {
      double v = t / 4.0;
      svg.append(line(left, y.apply(v), left + plot, y.apply(v), "#ddd", 1, ""));
      svg.append(text(left - 6, y.apply(v) + 4, String.format(Locale.US, "%.0f%%", v * 100), "end", 11));
    }
    svg.append(line(left, top + plotHeight, left + plot, top + plotHeight, "#000", 1, ""));
    int every = Math.max(1, (int) Math.ceil(n / 12.0));
    for (int i = 0; i < n; i += every) {
      svg.append(text(x.apply(i), top + plotHeight + 16, xLabels.get(i), "middle", 11));
    }
    if (!series.isEmpty() && series.get(0).lows() != null) {
      svg.append(band(series.get(0), x, y));
    }
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String dash = DASHES[s % DASHES.length];
      svg.append(path(line.values(), x, y, dash));
      for (int i = 0; i < n; i++) {
        Double v = line.values().get(i);
        if (v != null) {
          svg.append(marker(MARKERS[s % MARKERS.length], x.apply(i), y.apply(v)));
        }
      }
      // Legend: marker, dash and name.
      double ly = top + plotHeight + 40 + 18 * s;
      svg.append(line(left, ly, left + 36, ly, "#000", 1.5, dash));
      svg.append(marker(MARKERS[s % MARKERS.length], left + 18, ly));
      svg.append(text(left + 44, ly + 4, line.label(), "start", 12));
    }
    return svg.append("</svg>").toString();
  }

  /** A round tick step near {@code rough}: 1, 2, 2.5 or 5 times a power of ten. */
  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double factor : new double[] {1, 2, 2.5, 5}) {
      if (factor * power >= rough) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private static String band(Series series, DoubleFunction<Double> x, DoubleFunction<Double> y) {
    StringBuilder bands = new StringBuilder();
    List<Integer> run = new ArrayList<>();
    for (int i = 0; i <= series.values().size(); i++) {
      boolean present = i < series.values().size() && series.lows().get(i) != null && series.highs().get(i) != null;
      if (present) {
        run.add(i);
        continue;
      }
      if (run.size() > 1) {
        StringBuilder points = new StringBuilder();
        run.forEach(j -> points.append(String.format(Locale.US, "%.1f,%.1f ", x.apply(j), y.apply(series.highs().get(j)))));
        for (int k = run.size() - 1; k >= 0; k--) {
          int j = run.get(k);
          points.append(String.format(Locale.US, "%.1f,%.1f ", x.apply(j), y.apply(series.lows().get(j))));
        }
        bands.append("<polygon points=\"").append(points.toString().trim()).append("\" fill=\"#ccc\" opacity=\"0.6\"/>");
      }
      run.clear();
    }
    return bands.toString();
  }

  private static String path(List<Double> values, DoubleFunction<Double> x, DoubleFunction<Double> y, String dash) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      d.append(String.format(Locale.US, "%s%.1f %.1f ", pen ? "L" : "M", x.apply(i), y.apply(v)));
      pen = true;
    }
    return "<path d=\"" + d.toString().trim() + "\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\""
        + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  }

  private static String marker(String shape, double cx, double cy) {
    return switch (shape) {
      case "square" -> String.format(Locale.US, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#000\"/>",
          cx - 4, cy - 4);
      case "triangle" -> String.format(Locale.US, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#000\"/>",
          cx, cy - 5, cx - 5, cy + 4, cx + 5, cy + 4);
      case "diamond" -> String.format(Locale.US, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\""
          + " fill=\"#fff\" stroke=\"#000\"/>", cx, cy - 5, cx + 5, cy, cx, cy + 5, cx - 5, cy);
      case "cross" -> line(cx - 4, cy - 4, cx + 4, cy + 4, "#000", 2, "") + line(cx - 4, cy + 4, cx + 4, cy - 4, "#000", 2, "");
      case "plus" -> line(cx - 5, cy, cx + 5, cy, "#000", 2, "") + line(cx, cy - 5, cx, cy + 5, "#000", 2, "");
      default -> String.format(Locale.US, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#000\"/>", cx, cy);
    };
  }

  private static StringBuilder open(String id, String title, int height) {
    return new StringBuilder(String.format(Locale.US,
        "<svg id=\"%s\" class=\"chart\" role=\"img\" aria-labelledby=\"%s-title\" viewBox=\"0 0 %d %d\""
            + " width=\"%d\" height=\"%d\"><title id=\"%s-title\">%s</title>",
        id, id, WIDTH, height, WIDTH, height, id, escape(title)));
  }

  private static String line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    return String.format(Locale.US, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
        x1, y1, x2, y2, stroke, width, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"");
  }

  private static String text(double x, double y, String text, String anchor, int size) {
    return String.format(Locale.US, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>",
        x, y, anchor, size, escape(text));
  }
}
