package io.wirestream.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** The results as one PNG: throughput beside its limit on the left, latency percentiles beside Kafka's on the right. */
final class BenchChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    private static final Color BLUE = new Color(0x2F, 0x6F, 0xB0);

    private BenchChart() {
    }

    static void write(BenchResults results, Path file) throws IOException {
        // A server has no display; charts are drawn off-screen.
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            throughput(results).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            latency(results).draw(g, new Rectangle2D.Double(WIDTH, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart throughput(BenchResults results) {
        // Two series, one value per category: stacked, each bar is full width and coloured by what it is.
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchResults.Throughput limit : results.limits()) {
            data.addValue(limit.perSecond(), "limit: a plain copy", limit.name());
        }
        for (BenchResults.Throughput run : results.pipelines()) {
            data.addValue(run.perSecond(), "wirestream pipeline", run.name());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(String.format(Locale.ROOT, "Throughput, %,d dispatches",
                results.input().count()), null, "dispatches per second until all output is committed", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getRenderer().setSeriesPaint(0, Color.GRAY);
        plot.getRenderer().setSeriesPaint(1, BLUE);
        ValueMarker half = new ValueMarker(BenchReport.PIPELINE_RATIO_GOAL * results.limit(Bench.EXACTLY_ONCE),
                Color.RED, new BasicStroke(1.5f));
        half.setLabel("goal: half the exactly-once copy");
        half.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        half.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(half);
        style(chart);
        return chart;
    }

    private static JFreeChart latency(BenchResults results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchResults.Latency latency : results.latencies()) {
            String run = String.format(Locale.ROOT, "%s %,d/s", BenchReport.guaranteeName(latency.guarantee()),
                    latency.rate());
            data.addValue(latency.p50(), "p50", run);
            data.addValue(latency.p99(), "p99", run);
            data.addValue(latency.p999(), "p99.9", run);
        }
        BenchResults.RoundTrip trip = results.roundTrip();
        data.addValue(trip.p50(), "p50", "Kafka round trip");
        data.addValue(trip.p99(), "p99", "Kafka round trip");
        data.addValue(trip.p999(), "p99.9", "Kafka round trip");
        JFreeChart chart = ChartFactory.createBarChart("Latency: send to visible to read_committed", null,
                "milliseconds", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getRenderer().setSeriesPaint(0, new Color(0x9E, 0xC5, 0xE8));
        plot.getRenderer().setSeriesPaint(1, BLUE);
        plot.getRenderer().setSeriesPaint(2, new Color(0x1B, 0x3A, 0x5C));
        plot.addRangeMarker(goal(BenchReport.P99_EXACTLY_ONCE_GOAL_MS, "p99 goal, exactly-once"));
        plot.addRangeMarker(goal(BenchReport.P99_AT_LEAST_ONCE_GOAL_MS, "p99 goal, at-least-once"));
        style(chart);
        return chart;
    }

    private static ValueMarker goal(double millis, String label) {
        ValueMarker marker = new ValueMarker(millis, Color.RED, new BasicStroke(1.5f));
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(new Color(0xF4, 0xF4, 0xF4));
        chart.getCategoryPlot().setRangeGridlinePaint(Color.GRAY);
    }
}
