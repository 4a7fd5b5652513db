package dev.trafficengineer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {

    private static final String INPUT = """
            # Autoscalers for the shop. Comments, order and quoting must survive the fix.
            apiVersion: "autoscaling/v2beta2"   # old API
            kind: HorizontalPodAutoscaler
            metadata:
              name: api
            spec:
              maxReplicas: 8
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}

            ---
            apiVersion: autoscaling.k8s.io/v1beta2
            kind: VerticalPodAutoscaler
            metadata: {name: api}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
              updatePolicy: {updateMode: "Off"}
            """;

    @Test
    void fixRewritesOnlyTheFixedBytesAndKeepsPermissions(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.yaml"), INPUT);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Cli.Result r = Cli.run("review", "--fix", f.toString());
        assertThat(r.err()).contains("Fixed 2 findings in 1 file.");
        assertThat(Files.readString(f)).isEqualTo(INPUT
                .replace("\"autoscaling/v2beta2\"", "\"autoscaling/v2\"")
                .replace("autoscaling.k8s.io/v1beta2", "autoscaling.k8s.io/v1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        assertThat(r.exit()).isZero();
        // fixing again changes nothing
        Cli.Result again = Cli.run("review", "--fix", f.toString());
        assertThat(again.err()).contains("Fixed 0 findings in 0 files.");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void diffShowsTheChangeAndWritesNothing(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.yaml"), INPUT);
        Cli.Result r = Cli.run("review", "--diff", f.toString());
        assertThat(r.out()).contains("-apiVersion: \"autoscaling/v2beta2\"   # old API\n"
                + "+apiVersion: \"autoscaling/v2\"   # old API\n");
        assertThat(r.err()).contains("Would fix 2 findings in 1 file.");
        assertThat(Files.readString(f)).isEqualTo(INPUT);
    }

    @Test
    void standardInputGoesToStandardOutput() {
        Cli.Result r = Cli.runWithInput(INPUT, "review", "--fix", "--format", "json", "-");
        assertThat(r.out()).startsWith("# Autoscalers for the shop.").contains("\"autoscaling/v2\"");
        assertThat(r.err()).contains("\"findings\"");
    }
}
