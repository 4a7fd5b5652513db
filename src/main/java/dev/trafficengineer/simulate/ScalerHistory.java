package dev.trafficengineer.simulate;

import java.util.List;

/**
 * The memory the HPA controller keeps per HPA between reconciles: recent recommendations and scale events. Upstream
 * keeps these in mutable maps; here each decision returns a new history.
 */
public record ScalerHistory(
        List<Recommendation> recommendations, List<ScaleEvent> scaleUpEvents, List<ScaleEvent> scaleDownEvents) {

    public static final ScalerHistory EMPTY = new ScalerHistory(List.of(), List.of(), List.of());

    public ScalerHistory {
        recommendations = List.copyOf(recommendations);
        scaleUpEvents = List.copyOf(scaleUpEvents);
        scaleDownEvents = List.copyOf(scaleDownEvents);
    }

    public ScalerHistory withRecommendations(List<Recommendation> list) {
        return new ScalerHistory(list, scaleUpEvents, scaleDownEvents);
    }

    public ScalerHistory withScaleUpEvents(List<ScaleEvent> list) {
        return new ScalerHistory(recommendations, list, scaleDownEvents);
    }

    public ScalerHistory withScaleDownEvents(List<ScaleEvent> list) {
        return new ScalerHistory(recommendations, scaleUpEvents, list);
    }
}
