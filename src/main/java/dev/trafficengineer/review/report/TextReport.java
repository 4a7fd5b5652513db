package dev.trafficengineer.review.report;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Summary;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The review for people: one {@code file:line:col: severity rule-id: message} line per finding, grep-friendly,
 * followed by the source line with a caret under the place; grouped by file; a summary line at the end.
 */
public final class TextReport {

    /** Lines of a Secret, or of a credential-like key, are not echoed in excerpts. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|token|apikey|api_key|credential|sasl|private[-_]?key|connection[-_]?string).*");

    private final boolean color;

    /** @param color use ANSI colours (only on a terminal, and never when NO_COLOR is set) */
    public TextReport(boolean color) {
        this.color = color;
    }

    public String render(Review review) {
        StringBuilder out = new StringBuilder();
        Map<String, SourceText> sources = review.sources();
        String file = null;
        for (Finding f : review.findings()) {
            if (!f.file().equals(file)) {
                if (file != null) {
                    out.append('\n');
                }
                file = f.file();
            }
            out.append(style(BOLD, f.file() + ":" + f.range().line() + ":" + f.range().column() + ":")).append(' ')
                    .append(severity(f.severity())).append(' ')
                    .append(style(DIM, f.ruleId() + ":")).append(' ')
                    .append(f.message()).append('\n');
            SourceText src = sources.get(f.file());
            if (src != null && f.range().line() <= src.lineCount()) {
                excerpt(out, src, f);
            }
        }
        if (!review.findings().isEmpty()) {
            out.append('\n');
        }
        out.append(summary(review.summary())).append('\n');
        return out.toString();
    }

    private void excerpt(StringBuilder out, SourceText src, Finding f) {
        SourceRange r = f.range();
        String line = src.line(r.line());
        String gutter = String.valueOf(r.line());
        String pad = " ".repeat(gutter.length());
        if (hidesSecret(f, line)) {
            line = line.replaceAll("(:\\s*).*", "$1<redacted>");
        }
        int width = line.codePointCount(0, line.length());
        int from = Math.min(r.column() - 1, width);
        int to = r.endLine() == r.line() ? Math.min(r.endColumn() - 1, width) : width;
        StringBuilder caret = new StringBuilder();
        for (int i = 0, cp = 0; i < line.length() && cp < from; cp++) {
            int c = line.codePointAt(i);
            caret.append(c == '\t' ? '\t' : ' ');
            i += Character.charCount(c);
        }
        caret.append("^".repeat(Math.max(1, to - from)));
        out.append(' ').append(pad).append(style(DIM, " |")).append('\n');
        out.append(' ').append(style(DIM, gutter + " |")).append(' ').append(line).append('\n');
        out.append(' ').append(pad).append(style(DIM, " |")).append(' ')
                .append(style(colorOf(f.severity()), caret.toString())).append('\n');
    }

    private static boolean hidesSecret(Finding f, String line) {
        boolean secretObject = f.object() != null && f.object().kind().equals("Secret");
        return secretObject || SECRET_KEY.matcher(line.split(":", 2)[0]).matches() && line.contains(":");
    }

    public static String summary(Summary s) {
        return String.format(Locale.ROOT, "%s, %s, %s in %s (%s)", plural(s.error(), "error"),
                plural(s.warning(), "warning"), plural(s.info(), "info"), plural(s.files(), "file"),
                plural(s.objects(), "object"));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
    }

    private String severity(Severity s) {
        return style(colorOf(s) + BOLD, s.label());
    }

    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
    }

    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private String style(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
