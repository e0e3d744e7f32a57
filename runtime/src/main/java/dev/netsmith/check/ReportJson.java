package dev.netsmith.check;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The JSON form of a report (written by hand: the runtime depends on nothing but Commons Math). */
final class ReportJson {

    private ReportJson() {
    }

    static String format(GradientCheckReport r) {
        return new StringBuilder("{")
                .append(field("network", string(r.network()))).append(',')
                .append(field("verdict", string(String.valueOf(r.verdict())))).append(',')
                .append(field("difference", number(r.difference()))).append(',')
                .append(field("mode", string(r.mode().name()))).append(',')
                .append(field("epsilon", number(r.epsilon()))).append(',')
                .append(field("passBelow", number(r.passBelow()))).append(',')
                .append(field("failAbove", number(r.failAbove()))).append(',')
                .append(field("checkedEntries", Integer.toString(r.checkedEntries()))).append(',')
                .append(field("totalEntries", Integer.toString(r.totalEntries()))).append(',')
                .append(field("inconclusive", Integer.toString(r.inconclusive()))).append(',')
                .append(field("costEvaluations", Long.toString(r.costEvaluations()))).append(',')
                .append(field("complete", Boolean.toString(r.complete()))).append(',')
                .append(field("noise", number(r.noise()))).append(',')
                .append(field("threads", Integer.toString(r.threads()))).append(',')
                .append(field("seconds", number(r.elapsed().toNanos() / 1e9))).append(',')
                .append(field("tensors", array(r.tensors(), ReportJson::tensor))).append(',')
                .append(field("worst", array(r.worst(), ReportJson::entry))).append(',')
                .append(field("activationChecks", array(r.activationChecks(), ReportJson::activation))).append(',')
                .append(field("diagnosis", "{" + field("summary", string(r.diagnosis().summary())) + ","
                        + field("layer", Integer.toString(r.diagnosis().layer())) + ","
                        + field("tensors", array(r.diagnosis().tensors(), ReportJson::string)) + "}")).append(',')
                .append(field("notes", array(r.notes(), ReportJson::string)))
                .append('}').toString();
    }

    private static String tensor(TensorResult t) {
        return "{" + field("name", string(t.name())) + ","
                + field("rows", Integer.toString(t.tensor().rows())) + ","
                + field("cols", Integer.toString(t.tensor().cols())) + ","
                + field("checked", Integer.toString(t.checked())) + ","
                + field("inconclusive", Integer.toString(t.inconclusive())) + ","
                + field("difference", t.covered() ? number(t.difference()) : "null") + ","
                + field("verdict", t.covered() ? string(t.verdict().name()) : "null") + ","
                + field("analyticNorm", number(t.analyticNorm())) + ","
                + field("numericNorm", number(t.numericNorm())) + ","
                + field("l2Norm", number(t.l2Norm())) + ","
                + field("maxError", number(t.maxError())) + ","
                + field("directional", Double.isNaN(t.directional()) ? "null" : number(t.directional())) + ","
                + field("withinNoise", Boolean.toString(t.withinNoise())) + ","
                + field("worst", t.worst() == null ? "null" : string(t.worst().name())) + "}";
    }

    private static String entry(EntryResult e) {
        return "{" + field("name", string(e.name())) + ","
                + field("index", Integer.toString(e.index())) + ","
                + field("value", number(e.value())) + ","
                + field("analytic", number(e.analytic())) + ","
                + field("numeric", number(e.numeric())) + ","
                + field("costPlus", number(e.costPlus())) + ","
                + field("costMinus", number(e.costMinus())) + ","
                + field("error", number(e.error())) + ","
                + field("kink", e.kink() == null ? "null" : string(e.kink())) + "}";
    }

    private static String activation(ActivationCheck a) {
        return "{" + field("name", string(a.name())) + ","
                + field("checked", Integer.toString(a.checked())) + ","
                + field("difference", number(a.difference())) + ","
                + field("verdict", string(a.verdict().name())) + "}";
    }

    private static String field(String name, String value) {
        return string(name) + ":" + value;
    }

    private static <T> String array(List<T> items, Function<T, String> format) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            s.append(i == 0 ? "" : ",").append(format.apply(items.get(i)));
        }
        return s.append(']').toString();
    }

    /** A JSON number; NaN and infinities, which JSON lacks, become strings. */
    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : string(Double.toString(v));
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
