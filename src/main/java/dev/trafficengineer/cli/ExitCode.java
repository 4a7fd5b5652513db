package dev.trafficengineer.cli;

/** The exit codes every command shares. */
final class ExitCode {

    private ExitCode() {}

    /** Nothing at or above the --fail-on threshold. */
    static final int OK = 0;
    /** Findings at or above the threshold (or a PromQL query that does not parse). */
    static final int FINDINGS = 1;
    /** The command could not run: bad flags, a bad config file, no readable input at all. */
    static final int USAGE = 2;
    /** A bug in traffic-engineer. */
    static final int INTERNAL = 3;
}
