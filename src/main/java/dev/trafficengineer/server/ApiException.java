package dev.trafficengineer.server;

import java.util.List;

/** A request the API cannot serve, with the status and the message to answer (a 400 for a bad body, say). */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> problems;

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    ApiException(int status, String message, List<String> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    int status() {
        return status;
    }

    List<String> problems() {
        return problems;
    }
}
