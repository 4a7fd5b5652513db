package dev.trafficengineer.draft;

import dev.trafficengineer.draft.Resolved.Window;
import dev.trafficengineer.simulate.TrafficProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The day of traffic the requirements describe, as the simulator takes it and the plan reasons about it. */
final class DayTraffic {

    static final int DAY = 86_400;

    private DayTraffic() {}

    /** One day of the stated pattern, with the idle windows empty. */
    static TrafficProfile of(Resolved.Traffic t) {
        TrafficProfile shape = shape(t);
        if (t.idleWindows().isEmpty()) {
            return shape;
        }
        List<int[]> windows = new ArrayList<>();
        for (Window w : t.idleWindows()) {
            windows.add(new int[] {w.from().toSecondOfDay(), w.to().toSecondOfDay()});
        }
        return new TrafficProfile.WithIdle(shape, windows, t.idleWindows().stream().map(Window::toString)
                .collect(Collectors.joining(", ")));
    }

    /** The stated pattern alone, as if nothing were ever idle. */
    static TrafficProfile shape(Resolved.Traffic t) {
        return switch (t.pattern()) {
            case "steady" -> new TrafficProfile.Steady(t.peak(), DAY);
            case "spike" -> new TrafficProfile.Spike(t.baseline(), t.peak(), (long) (t.peakHour() * 3600)
                    - t.rampSeconds(), t.rampSeconds(), 1800, DAY);
            // the climb ends at the peak hour, and the peak holds for the rest of the day
            case "ramp" -> new TrafficProfile.Ramp(t.baseline(), t.peak(), Math.max(0, (long) (t.peakHour() * 3600)
                    - t.rampSeconds()), t.rampSeconds(), DAY);
            default -> new TrafficProfile.Diurnal(t.baseline(), t.peak(), t.peakHour(), DAY);
        };
    }
}
