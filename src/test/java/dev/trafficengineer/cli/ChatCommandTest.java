package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal front end: piped input, /save, -o and a paste. */
class ChatCommandTest {

    @TempDir
    Path tmp;

    @Test
    void saveWritesTheManifestsAndAFailedSaveLosesNothing() throws Exception {
        Path out = tmp.resolve("checkout.yaml");
        Path nowhere = tmp.resolve("no/such/dir/x.yaml");
        Cli.Result r = Cli.runWithInput("our API does 800 rps at peak\n\n\n/save " + out + "\n/save " + nowhere
                + "\n/quit\n", "chat", "--llm", "none");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("> /save " + out + "\nSaved the manifests to " + out + ".\n")
                .contains("I couldn't write " + nowhere + " (NoSuchFileException").contains("Nothing is lost: try"
                        + " /save with another path.").endsWith("> /quit\nBye.\n\n");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("# Drafted by traffic-engineer")
                .contains("kind: HorizontalPodAutoscaler").contains("# Review: 0 errors");
    }

    @Test
    void outputWithoutADraftSaysSo() {
        Cli.Result r = Cli.runWithInput("hello\n", "chat", "-o", tmp.resolve("x.yaml").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("traffic-engineer: nothing drafted, so nothing written to "
                + tmp.resolve("x.yaml") + "\n");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void aPasteEndsAtAnEmptyLineAndIsEchoedWithoutCredentials() {
        String paste = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n"
                + "    spec:\n      containers:\n        - name: app\n          env:\n"
                + "            - {name: DB_PASSWORD, value: hunter2}\n\n";
        Cli.Result r = Cli.runWithInput(paste + "an API, 300 rps at peak\n", "chat");
        assertThat(r.out()).doesNotContain("hunter2").contains("> apiVersion: apps/v1\n> kind: Deployment\n")
                .contains("value: \"<redacted>\"}\n>\nRead Deployment default/web: app requests nothing.")
                .contains("> an API, 300 rps at peak\nNoted: it is an HTTP API; peak traffic is 300 rps.");
    }

    @Test
    void endOfInputEndsTheConversation() {
        Cli.Result r = Cli.runWithInput("", "chat");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Hi! I draft autoscaling").endsWith("/help lists the commands.\n\n");
    }
}
