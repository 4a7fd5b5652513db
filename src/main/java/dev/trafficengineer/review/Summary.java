package dev.trafficengineer.review;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import java.util.List;

/** Counts over a review: how many inputs and objects, and findings per severity. */
public record Summary(int files, int objects, int error, int warning, int info) {

    static Summary of(int files, int objects, List<Finding> findings) {
        int e = 0;
        int w = 0;
        int i = 0;
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> e++;
                case WARNING -> w++;
                case INFO -> i++;
            }
        }
        return new Summary(files, objects, e, w, i);
    }

    public int count(Severity s) {
        return switch (s) {
            case ERROR -> error;
            case WARNING -> warning;
            case INFO -> info;
        };
    }
}
