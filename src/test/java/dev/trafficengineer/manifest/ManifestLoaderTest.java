package dev.trafficengineer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {

    private final ManifestLoader loader = new ManifestLoader("default");

    private LoadedFile load(String text) {
        return loader.load(new SourceText("m.yaml", text), false);
    }

    private static List<String> rules(LoadedFile f) {
        return f.problems().stream().map(Finding::ruleId).toList();
    }

    @Test
    void readsMultipleDocumentsWithPositions() {
        LoadedFile f = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                ---
                # the autoscaler
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                  namespace: prod
                spec:
                  maxReplicas: 10
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                """);
        assertThat(f.problems()).isEmpty();
        assertThat(f.objects()).extracting(o -> o.ref().display())
                .containsExactly("Deployment/default/web", "HorizontalPodAutoscaler/prod/web");
        KubeObject hpa = f.objects().get(1);
        Located l = hpa.locate(JsonPointer.parse("/spec/behavior/scaleDown/stabilizationWindowSeconds"));
        assertThat(l.exact()).isTrue();
        assertThat(l.key()).isEqualTo(new SourceRange(16, 7, 16, 33, l.key().startOffset(), l.key().endOffset()));
        assertThat(l.value().line()).isEqualTo(16);
        assertThat(l.value().column()).isEqualTo(35);
        assertThat(l.value().endColumn()).isEqualTo(38);
        // a block mapping ends at its last value, not at the start of the next line
        Located spec = hpa.locate(JsonPointer.parse("/spec"));
        assertThat(spec.value().endLine()).isEqualTo(16);
        assertThat(spec.value().endColumn()).isEqualTo(38);
    }

    @Test
    void missingPointerLandsOnDeepestAncestor() {
        KubeObject o = load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n").objects().get(0);
        Located l = o.locate(JsonPointer.parse("/metadata/labels/app"));
        assertThat(l.exact()).isFalse();
        assertThat(l.pointer()).isEqualTo(JsonPointer.parse("/metadata"));
        assertThat(l.key().line()).isEqualTo(3);
    }

    @Test
    void typesScalarsTheWayKubernetesDoes() {
        KubeObject o = load("""
                apiVersion: v1
                kind: X
                metadata: {name: x}
                a: yes
                b: y
                c: 0644
                d: 08
                e: 1:30
                f: 2024-01-01
                g: "80"
                h: 10.0
                i: 0x1F
                j: 1_000
                k: ~
                l: .5
                m: !!str 5
                p: off
                o: 1e3
                y: key y is the boolean true to Kubernetes
                """).objects().get(0);
        var t = o.tree();
        assertThat(t.get("a").isBoolean()).isTrue();
        assertThat(t.get("b").asBoolean()).isTrue();
        assertThat(t.get("c").asInt()).isEqualTo(420);
        assertThat(t.get("d").isIntegralNumber()).isTrue();
        assertThat(t.get("d").asInt()).isEqualTo(8);
        assertThat(t.get("e").isTextual()).isTrue();
        assertThat(t.get("f").asText()).isEqualTo("2024-01-01");
        assertThat(t.get("f").isTextual()).isTrue();
        assertThat(t.get("g").isTextual()).isTrue();
        assertThat(t.get("h").isIntegralNumber()).isTrue();
        assertThat(t.get("i").asInt()).isEqualTo(31);
        assertThat(t.get("j").asInt()).isEqualTo(1000);
        assertThat(t.get("k").isNull()).isTrue();
        assertThat(t.get("l").asDouble()).isEqualTo(0.5);
        assertThat(t.get("m").isTextual()).isTrue();
        assertThat(t.get("p").asBoolean()).isFalse();
        assertThat(t.has("y")).isFalse();
        assertThat(t.has("true")).isTrue();
        assertThat(t.get("o").asInt()).isEqualTo(1000);
    }

    @Test
    void oneBadDocumentDoesNotStopTheRest() {
        LoadedFile f = load("""
                apiVersion: v1
                kind: A
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: B
                  metadata: [broken
                ---
                apiVersion: v1
                kind: C
                metadata: {name: c}
                """);
        assertThat(f.objects()).extracting(KubeObject::kind).containsExactly("A", "C");
        assertThat(rules(f)).containsExactly("input/yaml-syntax");
        assertThat(f.problems().get(0).range().line()).isBetween(5, 8);
    }

    @Test
    void reportsDuplicateKeysAtTheSecondKey() {
        LoadedFile f = load("apiVersion: v1\nkind: A\nmetadata: {name: a}\nspec:\n  x: 1\n  x: 2\n");
        assertThat(rules(f)).containsExactly("input/duplicate-key");
        Finding d = f.problems().get(0);
        assertThat(d.range().line()).isEqualTo(6);
        assertThat(d.message()).contains("first at line 5");
        assertThat(f.objects()).hasSize(1);
    }

    @Test
    void mergeKeysAreNotDuplicates() {
        LoadedFile f = load("""
                apiVersion: v1
                kind: A
                metadata: {name: a}
                base: &b {x: 1, z: 2}
                spec:
                  <<: *b
                  x: 3
                """);
        assertThat(f.problems()).isEmpty();
        assertThat(f.objects().get(0).tree().at("/spec").toString()).isEqualTo("{\"x\":3,\"z\":2}");
    }

    @Test
    void reportsTabs() {
        LoadedFile f = load("apiVersion: v1\nkind: A\nspec:\n\tx: 1\n");
        assertThat(rules(f)).containsExactly("input/tab-indentation");
        assertThat(f.problems().get(0).range().line()).isEqualTo(4);
    }

    @Test
    void jsonMayUseTabs() {
        LoadedFile f = loader.load(new SourceText("m.json",
                "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"A\",\n\t\"metadata\": {\"name\": \"a\"}\n}\n"), true);
        assertThat(f.problems()).isEmpty();
        assertThat(f.objects().get(0).locate(JsonPointer.parse("/kind")).value().line()).isEqualTo(3);
    }

    @Test
    void refusesHelmTemplatesOnce() {
        LoadedFile f = load("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                spec:
                  maxReplicas: {{ .Values.max }}
                ---
                {{- if .Values.x }}
                kind: A
                """);
        assertThat(rules(f)).containsExactly("input/helm-template");
        assertThat(f.problems().get(0).range().line()).isEqualTo(4);
        assertThat(f.objects()).isEmpty();
    }

    @Test
    void boundsAliasExpansion() {
        StringBuilder y = new StringBuilder("apiVersion: v1\nkind: A\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        LoadedFile f = load(y.toString());
        assertThat(rules(f)).containsExactly("input/alias-limit");
        assertThat(f.objects()).isEmpty();
    }

    @Test
    void boundsNesting() {
        String deep = "apiVersion: v1\nkind: A\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(rules(load(deep))).containsExactly("input/too-deep");
    }

    @Test
    void reportsNonUtf8AndBinary() {
        byte[] latin1 = "apiVersion: v1\nkind: A\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        LoadedFile f = loader.load("x.yaml", latin1, false);
        assertThat(rules(f)).containsExactly("input/not-utf8");
        assertThat(f.problems().get(0).range().line()).isEqualTo(3);
        LoadedFile bin = loader.load("x.bin", new byte[] {1, 2, 0, 3}, false);
        assertThat(rules(bin)).containsExactly("input/not-utf8");
        assertThat(bin.problems().get(0).message()).contains("binary");
    }

    @Test
    void readsListItemsAsObjects() {
        LoadedFile f = load("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: a}
                - apiVersion: v1
                  kind: Service
                  metadata: {name: b, namespace: x}
                """);
        assertThat(f.objects()).extracting(o -> o.ref().display())
                .containsExactly("Deployment/default/a", "Service/x/b");
        KubeObject svc = f.objects().get(1);
        assertThat(svc.locate(JsonPointer.parse("/kind")).value().line()).isEqualTo(8);
        assertThat(svc.finding(InputRules.NOT_KUBERNETES, JsonPointer.parse("/kind"), "m").pointer().value())
                .isEqualTo("/kind");
    }

    @Test
    void flagsDocumentsThatAreNotObjectsAndSkipsEmptyOnes() {
        LoadedFile f = load("---\n# nothing\n---\nreplicas: 3\n---\n- a\n---\n");
        assertThat(rules(f)).containsExactly("input/not-kubernetes", "input/not-kubernetes");
        assertThat(f.problems().get(0).range().line()).isEqualTo(4);
    }

    @Test
    void handlesCrlfLineEndings() {
        LoadedFile f = load("apiVersion: v1\r\nkind: A\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nkind: B\r\n");
        assertThat(f.objects()).hasSize(2);
        assertThat(f.objects().get(1).locate(JsonPointer.parse("/kind")).value().line()).isEqualTo(7);
    }
}
