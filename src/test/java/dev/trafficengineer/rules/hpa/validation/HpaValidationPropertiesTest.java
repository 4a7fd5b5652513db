package dev.trafficengineer.rules.hpa.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.source.JsonPointer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Validation never throws, whatever JSON it is given, and its answer has the server's shape. Plus the numeric
 * bounds as properties: the verdict on a bound is exactly the documented inequality.
 */
class HpaValidationPropertiesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A valid HPA that populates every kind of field, so that replacements reach every part of the decoder. */
    private static final String RICH = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: shop
              labels: {app: web}
              annotations: {note: x}
              finalizers: [example.com/f]
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
              creationTimestamp: "2024-01-01T00:00:00Z"
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}
              - {type: ContainerResource, containerResource: {name: memory, container: app, target: {type: AverageValue, averageValue: 1Gi}}}
              - {type: Pods, pods: {metric: {name: rps, selector: {matchLabels: {a: b}}}, target: {type: AverageValue, averageValue: 10}}}
              - {type: Object, object: {describedObject: {apiVersion: v1, kind: Service, name: web}, metric: {name: hits}, target: {type: Value, value: 100}}}
              - {type: External, external: {metric: {name: queue}, target: {type: AverageValue, averageValue: 30}}}
              behavior:
                scaleUp: {stabilizationWindowSeconds: 0, selectPolicy: Max, tolerance: 0.05, policies: [{type: Pods, value: 4, periodSeconds: 15}]}
                scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 10, periodSeconds: 60}]}
            status:
              currentReplicas: 3
              conditions: [{type: AbleToScale, status: "True", lastTransitionTime: "2024-01-01T00:00:00Z"}]
              currentMetrics: [{type: Resource, resource: {name: cpu, current: {averageUtilization: 50}}}]
            """;

    private static final List<String> FIELD_NAMES = List.of("apiVersion", "kind", "metadata", "name", "namespace",
            "generateName", "labels", "annotations", "finalizers", "ownerReferences", "uid", "controller", "spec",
            "scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "type", "resource", "containerResource", "pods",
            "object", "external", "target", "value", "averageValue", "averageUtilization", "metric", "selector",
            "describedObject", "container", "behavior", "scaleUp", "scaleDown", "policies", "periodSeconds",
            "stabilizationWindowSeconds", "selectPolicy", "tolerance", "status", "creationTimestamp", "conditions");

    private static final List<String> POINTERS = List.of("", "/apiVersion", "/kind", "/metadata", "/metadata/name",
            "/metadata/generateName", "/metadata/namespace", "/metadata/labels", "/metadata/labels/app",
            "/metadata/annotations", "/metadata/annotations/note", "/metadata/finalizers", "/metadata/finalizers/0",
            "/metadata/ownerReferences", "/metadata/ownerReferences/0", "/metadata/ownerReferences/0/controller",
            "/metadata/creationTimestamp", "/metadata/generation", "/spec", "/spec/scaleTargetRef",
            "/spec/scaleTargetRef/kind", "/spec/scaleTargetRef/name", "/spec/scaleTargetRef/apiVersion",
            "/spec/minReplicas", "/spec/maxReplicas", "/spec/metrics", "/spec/metrics/0", "/spec/metrics/0/type",
            "/spec/metrics/0/resource", "/spec/metrics/0/resource/name", "/spec/metrics/0/resource/target",
            "/spec/metrics/0/resource/target/type", "/spec/metrics/0/resource/target/averageUtilization",
            "/spec/metrics/0/resource/target/averageValue", "/spec/metrics/0/resource/target/value",
            "/spec/metrics/1/containerResource", "/spec/metrics/1/containerResource/container",
            "/spec/metrics/1/containerResource/name", "/spec/metrics/2/pods/metric",
            "/spec/metrics/2/pods/metric/selector", "/spec/metrics/2/pods/metric/selector/matchLabels",
            "/spec/metrics/3/object/describedObject", "/spec/metrics/3/object/describedObject/apiVersion",
            "/spec/metrics/3/object/target/value", "/spec/metrics/4/external", "/spec/metrics/4/external/metric/name",
            "/spec/behavior", "/spec/behavior/scaleUp", "/spec/behavior/scaleUp/policies",
            "/spec/behavior/scaleUp/policies/0", "/spec/behavior/scaleUp/policies/0/type",
            "/spec/behavior/scaleUp/policies/0/value", "/spec/behavior/scaleUp/policies/0/periodSeconds",
            "/spec/behavior/scaleUp/tolerance", "/spec/behavior/scaleUp/selectPolicy",
            "/spec/behavior/scaleDown/stabilizationWindowSeconds", "/spec/behavior/scaleDown",
            "/spec/selectionStrategy", "/status", "/status/currentReplicas", "/status/conditions/0/lastTransitionTime",
            "/status/currentMetrics/0/resource/current/averageUtilization", "/spec/unknownField");

    @Property(tries = 400)
    void neverThrowsOnAnyTree(@ForAll("anyJson") JsonNode tree, @ForAll("options") ValidationOptions options) {
        checkAnswerShape(tree, options);
    }

    @Property(tries = 1500)
    void neverThrowsWhateverValueIsAtAnyField(@ForAll("pointers") String pointer, @ForAll("anyJson") JsonNode value,
            @ForAll("options") ValidationOptions options) {
        JsonNode hpa = pointer.isEmpty() ? value : replace(Manifests.yaml(RICH), JsonPointer.parse(pointer), value);
        checkAnswerShape(hpa, options);
    }

    @Property(tries = 20)
    void theRichBaseIsValid(@ForAll("options") ValidationOptions options) {
        assertThat(HpaValidation.validate(Manifests.yaml(RICH), options.withStrictFieldValidation(false)
                .withFeatureGate(FeatureGate.HPA_CONFIGURABLE_TOLERANCE, true))).isEmpty();
    }

    /** The replica bounds: accepted exactly when 1 <= min <= max (HPAScaleToZero off). */
    @Property(tries = 300)
    void replicaBounds(@ForAll("int32s") int min, @ForAll("int32s") int max) {
        JsonNode hpa = Manifests.hpa("spec: {minReplicas: " + min + ", maxReplicas: " + max + "}");
        boolean accepted = HpaValidation.accepts(hpa, ValidationOptions.defaults());
        assertThat(accepted).isEqualTo(min >= 1 && max >= min);
    }

    /** A policy is accepted exactly when value >= 1 and 1 <= periodSeconds <= 1800. */
    @Property(tries = 300)
    void policyBounds(@ForAll("int32s") int value, @ForAll("int32s") int period, @ForAll boolean percent) {
        JsonNode hpa = Manifests.hpa("spec: {behavior: {scaleDown: {policies: [{type: " + (percent ? "Percent" : "Pods")
                + ", value: " + value + ", periodSeconds: " + period + "}]}}}");
        boolean accepted = HpaValidation.accepts(hpa, ValidationOptions.defaults());
        assertThat(accepted).isEqualTo(value >= 1 && period >= 1 && period <= 1800);
    }

    /** A stabilization window is accepted exactly when 0 <= w <= 3600. */
    @Property(tries = 200)
    void windowBounds(@ForAll @IntRange(min = -10_000, max = 10_000) int window) {
        JsonNode hpa = Manifests.hpa("spec: {behavior: {scaleUp: {stabilizationWindowSeconds: " + window + "}}}");
        assertThat(HpaValidation.accepts(hpa, ValidationOptions.defaults())).isEqualTo(window >= 0 && window <= 3600);
    }

    private static void checkAnswerShape(JsonNode hpa, ValidationOptions options) {
        List<FieldError> errors = HpaValidation.validate(hpa, options);
        // a decode failure is the whole answer: it never mixes with field errors
        boolean anyDecode = errors.stream().anyMatch(e -> e.type().isDecodeFailure());
        if (anyDecode) {
            assertThat(errors).allMatch(e -> e.type().isDecodeFailure());
            assertThat(errors.stream().filter(e -> e.type() == ErrorType.DECODE).count()).isLessThanOrEqualTo(1);
        }
        for (FieldError e : errors) {
            assertThat(e.render()).isNotBlank();
        }
        if (!hpa.isObject() && !hpa.isNull()) {
            // a scalar or a list cannot be decoded into the object at all
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(ErrorType.DECODE);
                assertThat(e.pointer().isRoot()).isTrue();
            });
        }
        assertThat(ServerMessage.of("x", errors).isEmpty()).isEqualTo(errors.isEmpty());
        assertThat(HpaValidation.validate(hpa, options)).as("deterministic").isEqualTo(errors);
    }

    /** Sets the value at the pointer, creating missing objects on the way; arrays are grown with nulls. */
    private static JsonNode replace(JsonNode root, JsonPointer at, JsonNode value) {
        List<String> tokens = at.tokens();
        JsonNode parent = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String t = tokens.get(i);
            JsonNode next = parent.isArray() ? parent.get(Integer.parseInt(t)) : parent.get(t);
            if (next == null || !(next.isObject() || next.isArray())) {
                next = JSON.objectNode();
                if (parent.isArray()) {
                    ((ArrayNode) parent).set(Integer.parseInt(t), next);
                } else {
                    ((ObjectNode) parent).set(t, next);
                }
            }
            parent = next;
        }
        String last = tokens.get(tokens.size() - 1);
        if (parent.isArray()) {
            ArrayNode a = (ArrayNode) parent;
            int i = Integer.parseInt(last);
            while (a.size() <= i) {
                a.addNull();
            }
            a.set(i, value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return root;
    }

    @Provide
    Arbitrary<String> pointers() {
        return Arbitraries.of(POINTERS);
    }

    @Provide
    Arbitrary<Integer> int32s() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 2000),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, 1800, 1801, 3600, 3601));
    }

    @Provide
    Arbitrary<ValidationOptions> options() {
        return Combinators.combine(Arbitraries.of("1.30", "1.33", "1.34", "1.35", "1.36"), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((v, strict, zero) -> ValidationOptions
                        .forVersion(KubernetesVersion.parse(v))
                        .withStrictFieldValidation(strict).withFeatureGate(FeatureGate.HPA_SCALE_TO_ZERO, zero));
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return json(3);
    }

    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(TextNode::valueOf),
                Arbitraries.of("", "0", "-1", "100m", "1Ki", "1e3", "1e-12", " 2 ", "Resource", "Pods", "Object",
                        "External", "ContainerResource", "Utilization", "AverageValue", "Max", "Disabled", "Percent",
                        "apps/v1", "v1", "a/b/c", ".", "..", "cpu", "web", "2024-01-01T00:00:00Z", "yes")
                        .map(s -> (JsonNode) TextNode.valueOf(s)),
                Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
                Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(b -> (JsonNode) BigIntegerNode.valueOf(b)),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(10.0).withSpecialValue(-0.0).withSpecialValue(1e300)
                        .map(d -> (JsonNode) DoubleNode.valueOf(d)),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3)
                        .map(d -> (JsonNode) DecimalNode.valueOf(d)),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance).map(n -> (JsonNode) n));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = json(depth - 1);
        Arbitrary<JsonNode> array = child.list().ofMaxSize(3).map(items -> {
            ArrayNode a = JSON.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES),
                Arbitraries.strings().alpha().ofMaxLength(6));
        Arbitrary<JsonNode> object = Combinators.combine(key, child).as((k, v) -> new Object[] {k, v}).list()
                .ofMaxSize(4).map(entries -> {
                    ObjectNode o = JSON.objectNode();
                    for (Object[] e : entries) {
                        o.set((String) e[0], (JsonNode) e[1]);
                    }
                    return o;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(2, object));
    }
}
