package dev.trafficengineer.simulate;

/**
 * Input the simulator cannot use. The message is one line for a person: it names the field by its path and says what
 * was expected, e.g. {@code missing field `currentReplicas`}. Front ends print it as is, never a stack trace.
 */
public final class SimulationInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulationInputException(String message) {
        super(message);
    }
}
