package dev.trafficengineer.rules.hpa.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one-line message of the server's failure response, as kubectl prints it after "Error from server": a 422
 * Invalid for field errors (apimachinery errors.NewInvalid), a 400 BadRequest for a decode failure.
 */
public final class ServerMessage {

    private ServerMessage() {
    }

    /**
     * @param name   the object's name (after name generation); it appears quoted in an Invalid message
     * @param errors what {@link HpaValidation#validate} returned; empty gives ""
     */
    public static String of(String name, List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        FieldError first = errors.get(0);
        if (first.type() == ErrorType.DECODE) {
            return first.render();
        }
        if (first.type() == ErrorType.UNKNOWN_FIELD) {
            StringBuilder s = new StringBuilder(FieldError.DECODE_PREFIX).append("strict decoding error: ");
            for (int i = 0; i < errors.size(); i++) {
                s.append(i > 0 ? ", " : "").append(errors.get(i).detail());
            }
            return s.toString();
        }
        // ErrorList.ToAggregate drops repeated messages; an aggregate of one prints bare, of more in brackets
        Set<String> messages = new LinkedHashSet<>();
        for (FieldError e : errors) {
            messages.add(e.render());
        }
        String aggregate = messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
        return "HorizontalPodAutoscaler.autoscaling " + GoFormat.quote(name) + " is invalid: " + aggregate;
    }
}
