package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A KEDA cron trigger as a daily window (research keda.md §8.5): {@code desiredReplicas} from {@code start} until
 * {@code end}, 0 outside. {@code start} and {@code end} are 5-field cron expressions; the simulator reads their minute
 * and hour, which must be plain numbers ({@code 30 8 * * *}). Two simplifications, both reported as notes:
 * the times are read on the simulation clock (second 0 is midnight in the trigger's {@code timezone}), and the
 * day-of-month, month and day-of-week fields are not simulated (the window opens every day).
 */
final class CronSchedule {

    /** The window and what was simplified. */
    record Window(Signal.Daily signal, List<String> notes) {
    }

    private CronSchedule() {
    }

    static Window read(JsonNode metadata, String path) {
        String metaPath = JsonInput.child(path, "metadata");
        if (metadata == null || !metadata.isObject()) {
            throw new SimulationInputException("missing field `" + metaPath + "`: a cron trigger needs start, end"
                    + " and desiredReplicas");
        }
        String start = JsonInput.requiredString(metadata, "start", metaPath);
        String end = JsonInput.requiredString(metadata, "end", metaPath);
        String desiredText = JsonInput.requiredString(metadata, "desiredReplicas", metaPath);
        long desired;
        try {
            desired = Long.parseLong(desiredText.strip());
        } catch (NumberFormatException e) {
            throw new SimulationInputException("`" + JsonInput.child(metaPath, "desiredReplicas")
                    + "` must be a whole number in a string, got \"" + desiredText + "\"");
        }
        if (desired <= 0) {
            throw new SimulationInputException("`" + JsonInput.child(metaPath, "desiredReplicas")
                    + "` must be above 0 (KEDA rejects 0 and the window would do nothing), got " + desired);
        }
        List<String> notes = new ArrayList<>();
        int from = secondOfDay(start, JsonInput.child(metaPath, "start"), notes);
        int to = secondOfDay(end, JsonInput.child(metaPath, "end"), notes);
        if (from == to) {
            throw new SimulationInputException("`" + JsonInput.child(metaPath, "end") + "`: start and end can not"
                    + " have exactly same time input (KEDA rejects it); give the window a length");
        }
        return new Window(new Signal.Daily(from, to, desired, 0), notes);
    }

    private static int secondOfDay(String cron, String path, List<String> notes) {
        String[] fields = cron.strip().split("\\s+");
        if (fields.length != 5) {
            throw new SimulationInputException("`" + path + "` must be a 5-field cron expression (minute hour"
                    + " day-of-month month day-of-week), as KEDA requires; got \"" + cron + "\"");
        }
        int minute = number(fields[0], 59, path, cron);
        int hour = number(fields[1], 23, path, cron);
        if (!(fields[2].equals("*") && fields[3].equals("*") && fields[4].equals("*"))) {
            notes.add("the day fields of \"" + cron + "\" are not simulated: the window opens every day");
        }
        return hour * 3600 + minute * 60;
    }

    private static int number(String field, int max, String path, String cron) {
        int v;
        try {
            v = Integer.parseInt(field);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0 || v > max) {
            throw new SimulationInputException("`" + path + "`: the simulator reads a fixed minute and hour, such as"
                    + " \"30 8 * * *\"; got \"" + cron + "\"");
        }
        return v;
    }
}
