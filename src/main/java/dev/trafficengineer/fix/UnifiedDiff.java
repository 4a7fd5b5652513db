package dev.trafficengineer.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.Arrays;
import java.util.List;

/** The unified diff of a fixed file, as `git diff` shows it. */
public final class UnifiedDiff {

    private UnifiedDiff() {}

    public static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        boolean absolute = path.startsWith("/");
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(absolute ? path : "a/" + path,
                absolute ? path : "b/" + path, a, DiffUtils.diff(a, b), 3);
        StringBuilder out = new StringBuilder();
        for (String l : diff) {
            out.append(l).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\n", -1));
    }
}
