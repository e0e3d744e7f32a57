package dev.netsmith.check;

import dev.netsmith.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON form of a report: the same content as the table, field by field. */
final class ReportJson {

    private ReportJson() {
    }

    static String format(GradientCheckReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", r.network());
        json.put("verdict", r.verdict().name());
        json.put("difference", r.difference());
        json.put("mode", r.mode().name());
        json.put("epsilon", r.epsilon());
        json.put("passBelow", r.passBelow());
        json.put("failAbove", r.failAbove());
        json.put("checkedEntries", r.checkedEntries());
        json.put("totalEntries", r.totalEntries());
        json.put("inconclusive", r.inconclusive());
        json.put("costEvaluations", r.costEvaluations());
        json.put("complete", r.complete());
        json.put("noise", r.noise());
        json.put("threads", r.threads());
        json.put("seconds", r.elapsed().toNanos() / 1e9);
        json.put("tensors", r.tensors().stream().map(ReportJson::tensor).toList());
        json.put("worst", r.worst().stream().map(ReportJson::entry).toList());
        json.put("activationChecks", r.activationChecks().stream().map(ReportJson::activation).toList());
        Map<String, Object> diagnosis = new LinkedHashMap<>();
        diagnosis.put("summary", r.diagnosis().summary());
        diagnosis.put("layer", r.diagnosis().layer());
        diagnosis.put("tensors", r.diagnosis().tensors());
        json.put("diagnosis", diagnosis);
        json.put("notes", r.notes());
        return Json.write(json);
    }

    private static Map<String, Object> tensor(TensorResult t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", t.name());
        json.put("rows", t.tensor().rows());
        json.put("cols", t.tensor().cols());
        json.put("checked", t.checked());
        json.put("inconclusive", t.inconclusive());
        json.put("difference", t.covered() ? t.difference() : null);
        json.put("verdict", t.covered() ? t.verdict().name() : null);
        json.put("withinNoise", t.withinNoise());
        json.put("widerDifference", Double.isNaN(t.widerDifference()) ? null : t.widerDifference());
        json.put("analyticNorm", t.analyticNorm());
        json.put("numericNorm", t.numericNorm());
        json.put("l2Norm", t.l2Norm());
        json.put("maxError", t.maxError());
        json.put("directional", Double.isNaN(t.directional()) ? null : t.directional());
        json.put("worst", t.worst() == null ? null : t.worst().name());
        return json;
    }

    private static Map<String, Object> entry(EntryResult e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", e.name());
        json.put("index", e.index());
        json.put("value", e.value());
        json.put("analytic", e.analytic());
        json.put("numeric", e.numeric());
        json.put("costPlus", e.costPlus());
        json.put("costMinus", e.costMinus());
        json.put("error", e.error());
        json.put("kink", e.kink());
        return json;
    }

    private static Map<String, Object> activation(ActivationCheck a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", a.name());
        json.put("checked", a.checked());
        json.put("difference", a.difference());
        json.put("verdict", a.verdict().name());
        return json;
    }
}
