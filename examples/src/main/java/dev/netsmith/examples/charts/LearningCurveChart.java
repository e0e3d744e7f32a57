package dev.netsmith.examples.charts;

import dev.netsmith.train.CostHistory;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cost against the iteration: each mini-batch's training cost (noisy with small batches and dropout)
 * and, at the end of each epoch, the dev cost (all dev examples, dropout off). A dev cost that turns back up
 * while the training cost goes on falling is the picture of overfitting.
 */
public final class LearningCurveChart {

    private LearningCurveChart() {
    }

    /** Draws {@code history}, recorded with {@code batchesPerEpoch} iterations per epoch, into a PNG file. */
    public static Path write(Path file, String title, CostHistory history, int batchesPerEpoch) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("iteration").yAxisTitle("cost").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0);
        double[] iterations = new double[history.trainingCount()];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = history.trainingIteration(i);
        }
        XYSeries training = chart.addSeries("training cost (mini-batch)", iterations, history.trainingCosts());
        training.setMarker(SeriesMarkers.NONE);
        if (history.devCount() > 0) {
            double[] ends = new double[history.devCount()];
            for (int i = 0; i < ends.length; i++) {
                ends[i] = (double) history.devEpoch(i) * batchesPerEpoch;
            }
            chart.addSeries("dev cost (end of epoch)", ends, history.devCosts()).setMarker(SeriesMarkers.NONE);
        }
        return Png.write(chart, file);
    }
}
