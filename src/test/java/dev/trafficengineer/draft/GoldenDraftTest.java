package dev.trafficengineer.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The drafting scenarios of golden/draft/: each drafts to exactly its expected manifests and report, with no error
 * and no warning from the review, and — where it can be simulated — no unserved demand after the first ramp.
 */
class GoldenDraftTest {

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> cases = Golden.cases("draft");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
        return Golden.eachCase(cases, GoldenDraftTest::check);
    }

    private static void check(Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("draft"));
        if (Files.exists(dir.resolve("workload.yaml"))) {
            args.add("--workload");
            args.add(Golden.root().relativize(dir.resolve("workload.yaml")).toString());
        }
        args.add(Golden.root().relativize(dir.resolve("requirements.yaml")).toString());
        Cli.Result yaml = Cli.run(args.toArray(String[]::new));
        assertThat(yaml.err()).isEmpty();
        assertThat(yaml.exit()).isZero();
        Golden.assertMatches(dir.resolve("expected.yaml"), yaml.out());

        args.add(1, "--format");
        args.add(2, "json");
        JsonNode json = new ObjectMapper().readTree(Cli.run(args.toArray(String[]::new)).out());
        assertThat(json.at("/review/summary/error").asInt()).as("errors in the draft").isZero();
        assertThat(json.at("/review/summary/warning").asInt()).as("warnings in the draft").isZero();
        JsonNode run = json.at("/simulation/run");
        if (!run.isMissingNode()) {
            assertThat(run.get("unservedAfterFirstRamp").asDouble()).as("unserved after the first ramp").isZero();
            assertThat(run.get("flaps").asInt()).as("flaps").isZero();
        }
    }
}
