package dev.trafficengineer.cli;

/** The command cannot run as asked; the message says why, and the exit code is 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
