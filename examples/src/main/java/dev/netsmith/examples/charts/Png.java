package dev.netsmith.examples.charts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;

/** Writes charts as PNG files. XChart draws into an off-screen image, so this works headless. */
final class Png {

    private Png() {
    }

    static Path write(XYChart chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartEncoder.saveChart(chart, out, "png");
        }
        return file;
    }
}
