package dev.netsmith.examples.charts;

import dev.netsmith.data.Dataset;
import dev.netsmith.data.Metrics;
import dev.netsmith.data.Standardizer;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Parameters;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Which class a network predicts at each point of the plane, as coloured regions, with the data points on
 * top. XChart has no filled-contour chart, so the regions are a fine grid of square markers.
 */
public final class DecisionBoundaryChart {

    private static final int GRID = 80;
    private static final int SIZE = 640;
    private static final int MARKER = 8;
    private static final double MARGIN = 0.1;
    private static final Color[] REGIONS = {new Color(250, 200, 200), new Color(200, 215, 250)};
    private static final Color[] POINTS = {new Color(200, 30, 30), new Color(30, 70, 200)};

    private DecisionBoundaryChart() {
    }

    /**
     * Draws the regions of a network over two input features, with {@code points} (in the data's own units;
     * the network sees them through {@code standardizer}).
     */
    public static Path write(Path file, String title, CompiledNetwork net, Parameters params, Standardizer standardizer,
                             Dataset points) throws IOException {
        double[][] x = points.x();
        if (x.length != 2 || points.classes() > POINTS.length) {
            throw new IllegalArgumentException("a decision boundary is drawn for 2 features and at most " + POINTS.length
                    + " classes, not " + points);
        }
        double[] xRange = range(x[0]);
        double[] yRange = range(x[1]);
        double[][] grid = grid(xRange, yRange);
        int[] predicted = Metrics.predictions(net.predict(params, standardizer.apply(grid)), grid[0].length);

        XYChart chart = new XYChartBuilder().width(SIZE).height(SIZE).title(title).xAxisTitle("x1").yAxisTitle("x2").build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        styler.setMarkerSize(MARKER);
        styler.setPlotMargin(0);
        styler.setPlotContentSize(1.0);
        styler.setPlotGridLinesVisible(false);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setXAxisMin(xRange[0]);
        styler.setXAxisMax(xRange[1]);
        styler.setYAxisMin(yRange[0]);
        styler.setYAxisMax(yRange[1]);
        List<String> names = points.classNames();
        int[] labels = points.labels();
        for (int c = 0; c < names.size(); c++) {
            double[][] region = select(grid, predicted, c);
            if (region[0].length > 0) {
                chart.addSeries("predicted " + names.get(c), region[0], region[1]).setMarker(SeriesMarkers.SQUARE)
                        .setMarkerColor(REGIONS[c]).setShowInLegend(false);
            }
        }
        for (int c = 0; c < names.size(); c++) {
            double[][] members = select(x, labels, c);
            chart.addSeries(names.get(c), members[0], members[1]).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(POINTS[c]);
        }
        return Png.write(chart, file);
    }

    /** The values' range, widened by a margin on both sides. */
    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double margin = MARGIN * (max - min);
        return new double[] {min - margin, max + margin};
    }

    /** The centres of GRID × GRID cells covering the ranges, as a 2 × GRID² input matrix. */
    private static double[][] grid(double[] xRange, double[] yRange) {
        double[][] grid = new double[2][GRID * GRID];
        double dx = (xRange[1] - xRange[0]) / GRID;
        double dy = (yRange[1] - yRange[0]) / GRID;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[0][i * GRID + j] = xRange[0] + (i + 0.5) * dx;
                grid[1][i * GRID + j] = yRange[0] + (j + 0.5) * dy;
            }
        }
        return grid;
    }

    /** The columns of {@code x} whose class is {@code c}. */
    private static double[][] select(double[][] x, int[] classes, int c) {
        int count = 0;
        for (int k : classes) {
            count += k == c ? 1 : 0;
        }
        double[][] out = new double[2][count];
        for (int j = 0, n = 0; j < classes.length; j++) {
            if (classes[j] == c) {
                out[0][n] = x[0][j];
                out[1][n++] = x[1][j];
            }
        }
        return out;
    }
}
