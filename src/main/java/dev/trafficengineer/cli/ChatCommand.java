package dev.trafficengineer.cli;

import dev.trafficengineer.chat.Assistant;
import dev.trafficengineer.chat.ChatEngine;
import dev.trafficengineer.chat.Effect;
import dev.trafficengineer.chat.Turn;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.llm.ChatAssistant;
import dev.trafficengineer.llm.LlmSettings;
import dev.trafficengineer.llm.OpenAiModelClient;
import dev.trafficengineer.llm.UsageListener;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.Redactor;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.source.SourceText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code traffic-engineer chat}: the conversation in a terminal. Reads a line at a time; a pasted manifest (a line
 * starting with {@code apiVersion:}, {@code kind:} or {@code ---}) runs until an empty line. With piped input each
 * line is echoed after a {@code >}, so a scripted conversation reads as a transcript.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Gather the requirements in a conversation, then draft, review and simulate the autoscaler,"
                + " and refine it with feedback (\"scale-down is too aggressive\", \"max 20 replicas\").",
            "Works offline. Input may be piped: one message per line, a pasted manifest ends with an empty line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the conversation ended (/quit or end of input)",
            "2:the command could not run (bad flags, an unwritable --output)"
        })
final class ChatCommand implements Callable<Integer> {

    private static final Pattern MANIFEST_START = Pattern.compile("^(?:apiVersion:|kind:|---)(?:\\s.*)?$");

    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficEngineer root;

    @Mixin
    Settings settings = new Settings();

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "When the conversation ends, write the final manifests to FILE.")
    Path output;

    @Override
    public Integer call() throws IOException {
        RuleRegistry registry = RuleCatalog.standard();
        Config config = settings.config(registry);
        ManifestLoader loader = new ManifestLoader(settings.namespace(config));
        Reviewer reviewer = new Reviewer(registry, settings.options(config), config);
        ChatEngine engine = new ChatEngine(new DraftService(reviewer, loader), loader,
                assistant(llm.settings(config), reviewer, loader, UsageListener.NONE));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null && root.stdin == System.in;
        BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin, StandardCharsets.UTF_8));

        Turn turn = engine.start();
        say(out, turn.reply());
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            StringBuilder message = new StringBuilder(line);
            if (MANIFEST_START.matcher(line.strip()).matches()) {
                // a paste: every line up to an empty one (or the end of input), echoed with credentials removed
                String next;
                while ((next = in.readLine()) != null && !next.isBlank()) {
                    message.append('\n').append(next);
                }
                for (String l : redacted(loader, message.toString()).split("\n", -1)) {
                    echo(out, interactive, l);
                }
                if (next != null) {
                    echo(out, interactive, "");
                }
            } else {
                echo(out, interactive, Redactor.redactText(line));
            }
            turn = engine.reply(turn.state(), message.toString());
            say(out, turn.reply());
            if (turn.effect() instanceof Effect.Save save) {
                say(out, save(save));
            } else if (turn.effect() instanceof Effect.Quit) {
                break;
            }
        }
        if (output != null) {
            if (turn.state().draft() == null) {
                err.println("traffic-engineer: nothing drafted, so nothing written to " + output);
            } else {
                try {
                    Files.writeString(output, turn.state().draft().file(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UsageException("cannot write " + output + " (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "); the conversation is over, so run it again with another -o");
                }
                err.println("traffic-engineer: wrote the manifests to " + output);
            }
        }
        out.flush();
        err.flush();
        return ExitCode.OK;
    }

    /** The model the settings name (what the offline rules leave over goes to it), or none. */
    static Assistant assistant(LlmSettings settings, Reviewer reviewer, ManifestLoader loader, UsageListener usage) {
        if (!settings.enabled()) {
            return Assistant.NONE;
        }
        return new ChatAssistant(new OpenAiModelClient(settings, usage), reviewer, loader, settings.maxRounds());
    }

    private static String save(Effect.Save save) {
        Path p = Path.of(save.path());
        try {
            Files.writeString(p, save.content(), StandardCharsets.UTF_8);
            return "Saved the manifests to " + save.path() + ".";
        } catch (IOException | RuntimeException e) {
            return "I couldn't write " + save.path() + " (" + e.getClass().getSimpleName() + (e.getMessage() == null
                    ? "" : ": " + e.getMessage()) + "). Nothing is lost: try /save with another path.";
        }
    }

    /** A paste as it is echoed: credentials removed (line by line when it does not parse). */
    private static String redacted(ManifestLoader loader, String yaml) {
        String r = Redactor.redact(loader.load(new SourceText("paste.yaml", yaml), false));
        return r == null ? Redactor.redactText(yaml) : r;
    }

    private static void echo(PrintWriter out, boolean interactive, String line) {
        if (!interactive) {
            out.println(line.isEmpty() ? ">" : "> " + line);
        }
    }

    private static void say(PrintWriter out, String reply) {
        if (!reply.isEmpty()) {
            out.println(reply);
            out.println();
        }
        out.flush();
    }
}
