package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick measurement, not a test: how long loading each kind's schema takes, and validation per document over a
 * 10,000-document mix of HPAs, Deployments and ScaledObjects (a third of them with mistakes). Run it with the test
 * classpath after {@code mvn -o test-compile}: {@code java -cp target/classes:target/test-classes:<dependency jars> \
 * dev.trafficengineer.schema.SchemaValidationBench}.
 */
public final class SchemaValidationBench {

    private SchemaValidationBench() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        SchemaValidator validator = new SchemaValidator();
        List<JsonNode> docs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            docs.add(switch (i % 3) {
                case 0 -> Manifests.yaml(Examples.hpa(i, i % 9 == 0));
                case 1 -> Manifests.yaml(Examples.deployment(i));
                default -> Manifests.yaml(Examples.scaledObject(i, i % 7 == 0));
            });
        }
        long t1 = System.nanoTime();
        for (String[] k : new String[][] {{"autoscaling/v2", "HorizontalPodAutoscaler"}, {"apps/v1", "Deployment"},
                {"keda.sh/v1alpha1", "ScaledObject"}, {"keda.sh/v1alpha1", "ScaledJob"}}) {
            long s = System.nanoTime();
            validator.validate(k[0], k[1], Manifests.yaml("kind: " + k[1]));
            System.out.printf("first use of %-24s %6.1f ms (load + build)%n", k[1], (System.nanoTime() - s) / 1e6);
        }
        for (int round = 1; round <= 3; round++) {
            long s = System.nanoTime();
            int violations = 0;
            for (JsonNode d : docs) {
                violations += validator.validate(d.get("apiVersion").asText(), d.get("kind").asText(), d).size();
            }
            long ns = System.nanoTime() - s;
            System.out.printf("round %d: %d documents in %.0f ms = %.1f us/document (%d violations)%n",
                    round, docs.size(), ns / 1e6, ns / 1e3 / docs.size(), violations);
        }
        System.out.printf("(building the documents took %.0f ms)%n", (t1 - t0) / 1e6);
    }
}
