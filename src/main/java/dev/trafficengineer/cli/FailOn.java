package dev.trafficengineer.cli;

import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.review.Review;

/** {@code --fail-on}: the least severe finding that makes a reviewing command exit 1. */
enum FailOn {
    error, warning, info, never;

    /** The exit code the review earns: 1 when it has a finding at or above this level, else 0. */
    int exitCode(Review review) {
        if (this == never) {
            return ExitCode.OK;
        }
        return review.reaches(Severity.parse(name())) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
