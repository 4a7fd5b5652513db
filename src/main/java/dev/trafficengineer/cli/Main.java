package dev.trafficengineer.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/** The process entry point: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the exit code follows DESIGN.md (0 clean, 1 findings, 2 could not run, 3 a bug). */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return TrafficEngineer.commandLine(in, out, err).execute(args);
    }
}
