package dev.trafficengineer.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Generates {@code schemas/}: one JSON Schema (2020-12) per kind the review checks, from the upstream definitions
 * in {@code upstream/} and our additions in {@code src/test/resources/schema-additions/}, plus
 * {@code schemas/index.json} (which file holds which kind) and {@code schemas/README.md}.
 *
 * <p>Run it with {@value #COMMAND} (or this class's main with the project directory as its argument).
 * {@code SchemasAreFreshTest} fails when {@code schemas/} differs from what this makes.
 */
public final class SchemaGenerator {

    static final String COMMAND = "mvn -q -o test -Dtest=SchemasAreFreshTest -Dgolden.update=true";
    static final String SCHEMAS = "schemas";
    static final String UPSTREAM = "upstream/";
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Where custom resources get their metadata schema from: the API server checks it as ObjectMeta. */
    private static final String OBJECT_META_SOURCE = "kubernetes/apis__autoscaling__v2_openapi.json";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    /**
     * Definitions of built-in types that stay open to unknown fields, because the OpenAPI snapshot is from about
     * Kubernetes 1.24 and closing them would reject valid manifests: core/v1 types (the pod template, volume claim
     * templates), which lack many newer fields (sidecar restartPolicy, resizePolicy, hostUsers, schedulingGates,
     * ...), and status types, which controllers write (an exported object may carry newer status fields, never a
     * user's typo). Their fields are still type-checked.
     */
    private static final Predicate<String> LENIENT = name -> name.startsWith("io.k8s.api.core.v1.")
            || name.endsWith("Status") || name.endsWith("Condition");

    static final List<KindSource> KINDS = List.of(
            KindSource.openApi("autoscaling/v2", "HorizontalPodAutoscaler",
                    "kubernetes/apis__autoscaling__v2_openapi.json"),
            KindSource.openApi("apps/v1", "Deployment", "kubernetes/apis__apps__v1_openapi.json"),
            KindSource.openApi("apps/v1", "StatefulSet", "kubernetes/apis__apps__v1_openapi.json"),
            KindSource.openApi("policy/v1", "PodDisruptionBudget", "kubernetes/apis__policy__v1_openapi.json"),
            KindSource.crd("keda.sh/v1alpha1", "ScaledObject", "keda/keda.sh_scaledobjects.yaml",
                    "keda/patches/scaledobject_patch.yaml"),
            KindSource.crd("keda.sh/v1alpha1", "ScaledJob", "keda/keda.sh_scaledjobs.yaml",
                    "keda/patches/scaledjob_patch.yaml"),
            KindSource.crd("keda.sh/v1alpha1", "TriggerAuthentication",
                    "keda/keda.sh_triggerauthentications.yaml", null),
            KindSource.crd("keda.sh/v1alpha1", "ClusterTriggerAuthentication",
                    "keda/keda.sh_clustertriggerauthentications.yaml", null),
            KindSource.crd("autoscaling.k8s.io/v1", "VerticalPodAutoscaler", "vpa/vpa-v1-crd-gen.yaml", null));

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path basedir;
    private final UpstreamFiles upstream;
    private final UpstreamFiles additions;

    private SchemaGenerator(Path basedir) {
        this.basedir = basedir;
        this.upstream = new UpstreamFiles(basedir.resolve(UPSTREAM));
        this.additions = new UpstreamFiles(basedir);
    }

    public static void main(String[] args) {
        Path basedir = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
        write(basedir, generate(basedir));
        System.out.println("wrote " + basedir.resolve(SCHEMAS));
    }

    /** Every file of {@code schemas/}, by name, with its content. */
    public static SortedMap<String, String> generate(Path basedir) {
        return new SchemaGenerator(basedir).files();
    }

    /** Writes the files and deletes any other file in {@code schemas/}. */
    public static void write(Path basedir, SortedMap<String, String> files) {
        Path dir = basedir.resolve(SCHEMAS);
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    String name = p.getFileName().toString();
                    if (!files.containsKey(name) && !HandWritten.is(name)) {
                        Files.delete(p);
                    }
                }
            }
            for (var e : files.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        ObjectNode index = JSON.objectNode();
        index.put("$comment", "Generated by " + SchemaGenerator.class.getName() + "; do not edit. Regenerate: "
                + COMMAND);
        var kinds = index.putArray("kinds");
        for (KindSource k : KINDS) {
            List<String> inputs = new ArrayList<>();
            ObjectNode schema = k.origin() == KindSource.Origin.OPENAPI ? fromOpenApi(k, inputs) : fromCrd(k, inputs);
            files.put(k.fileName(), CanonicalJson.write(schema));
            ObjectNode entry = kinds.addObject();
            entry.put("apiVersion", k.apiVersion());
            entry.put("kind", k.kind());
            entry.put("file", k.fileName());
            entry.set("sources", JSON.arrayNode().addAll(inputs.stream().map(JSON::textNode).toList()));
        }
        files.put("index.json", CanonicalJson.write(index));
        files.put("README.md", readme());
        return files;
    }

    private ObjectNode fromOpenApi(KindSource k, List<String> inputs) {
        inputs.add(UPSTREAM + k.document());
        JsonNode doc = withAdditions(k.document(), upstream.document(k.document()), inputs);
        JsonNode definitions = doc.path("components").path("schemas");
        String root = definitionOf(definitions, k);
        SchemaConverter converter = new SchemaConverter(definitions, LENIENT);
        ObjectNode schema = converter.convertRoot(definitions.get(root));
        boolean someOpen = converter.definitions().keySet().stream().anyMatch(LENIENT);
        return finish(schema, converter, inputs, someOpen
                ? "Definitions of io.k8s.api.core.v1 types (pod and volume claim templates) and of status types"
                        + " (*Status, *Condition) accept unknown fields, their known fields still checked: this OpenAPI"
                        + " snapshot predates many of their newer fields."
                : null);
    }

    private ObjectNode fromCrd(KindSource k, List<String> inputs) {
        JsonNode crd = null;
        for (JsonNode d : upstream.documents(k.document())) {
            if (d.path("kind").asText().equals("CustomResourceDefinition")
                    && d.path("spec").path("group").asText().equals(k.group())
                    && d.path("spec").path("names").path("kind").asText().equals(k.kind())) {
                crd = d;
            }
        }
        if (crd == null) {
            throw new IllegalStateException("no CRD for " + k.apiVersion() + " " + k.kind() + " in " + k.document());
        }
        inputs.add(UPSTREAM + k.document());
        if (k.patch() != null) {
            // KEDA releases bases/ with these RFC 6902 patches applied (config/crd/kustomization.yaml)
            List<JsonNode> ops = new ArrayList<>();
            upstream.document(k.patch()).forEach(ops::add);
            crd = JsonPatch.apply(crd, ops);
            inputs.add(UPSTREAM + k.patch());
        }
        crd = withAdditions(k.document(), crd, inputs);
        JsonNode version = null;
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(k.version())) {
                version = v;
            }
        }
        if (version == null || !version.path("served").asBoolean()) {
            throw new IllegalStateException(k.apiVersion() + " " + k.kind() + " is not a served version");
        }
        ObjectNode openApi = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
        ObjectNode metadata = ((ObjectNode) openApi.path("properties")).putObject("metadata");
        metadata.put("$ref", SchemaConverter.OPENAPI_REF + OBJECT_META);
        metadata.put("$comment", "The API server checks the metadata of every custom resource as ObjectMeta;"
                + " the CRD says only type object. ObjectMeta from upstream/" + OBJECT_META_SOURCE + ".");
        inputs.add(UPSTREAM + OBJECT_META_SOURCE);
        JsonNode definitions = upstream.document(OBJECT_META_SOURCE).path("components").path("schemas");
        SchemaConverter converter = new SchemaConverter(definitions, name -> false);
        return finish(converter.convertRoot(openApi), converter, inputs, null);
    }

    private JsonNode withAdditions(String document, JsonNode doc, List<String> inputs) {
        String file = Additions.fileFor(document);
        if (!Files.exists(basedir.resolve(file))) {
            return doc;
        }
        inputs.add(file);
        JsonNode ops = additions.document(file);
        if (!ops.isArray()) {
            throw new IllegalStateException(file + " must be a list of JSON Patch operations");
        }
        List<JsonNode> list = new ArrayList<>();
        ops.forEach(list::add);
        return Additions.apply(doc, list, file);
    }

    private static String definitionOf(JsonNode definitions, KindSource k) {
        List<String> found = new ArrayList<>();
        definitions.properties().forEach(e -> {
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                if (gvk.path("group").asText().equals(k.group()) && gvk.path("version").asText().equals(k.version())
                        && gvk.path("kind").asText().equals(k.kind())) {
                    found.add(e.getKey());
                }
            }
        });
        if (found.size() != 1) {
            throw new IllegalStateException("expected one definition of " + k.apiVersion() + " " + k.kind()
                    + " in " + k.document() + ", found " + found);
        }
        return found.get(0);
    }

    private static ObjectNode finish(ObjectNode root, SchemaConverter converter, List<String> inputs, String note) {
        ObjectNode out = JSON.objectNode();
        String header = "Generated by " + SchemaGenerator.class.getName() + " from " + String.join(", ", inputs)
                + "; do not edit. Regenerate: " + COMMAND + "."
                + (note == null ? "" : " " + note);
        out.put("$schema", DIALECT);
        out.put("$comment", header);
        root.properties().forEach(e -> {
            if (e.getKey().equals("$comment")) {
                SchemaConverter.appendComment(out, e.getValue().asText());
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        if (!converter.definitions().isEmpty()) {
            ObjectNode defs = out.putObject("$defs");
            converter.definitions().forEach(defs::set);
        }
        return out;
    }

    private static String readme() {
        StringBuilder b = new StringBuilder();
        b.append("# JSON Schemas (generated)\n\n")
                .append("Generated by `").append(SchemaGenerator.class.getName())
                .append("` (src/test/java) from the upstream definitions in `../upstream/` and our additions in `../")
                .append(Additions.FOLDER).append("`. Do not edit: regenerate with\n\n    ")
                .append(COMMAND).append("\n\n")
                .append("`SchemasAreFreshTest` fails when these files differ from what the generator makes.\n\n")
                .append("| apiVersion | kind | file | from |\n|---|---|---|---|\n");
        for (KindSource k : KINDS) {
            b.append("| ").append(k.apiVersion()).append(" | ").append(k.kind()).append(" | `").append(k.fileName())
                    .append("` | `").append(k.document()).append('`')
                    .append(k.patch() == null ? "" : " + `" + k.patch() + "`").append(" |\n");
        }
        b.append("\nWhat the generator changes relative to upstream, and why:\n\n")
                .append("- JSON Schema 2020-12, each file self-contained (`$defs` holds the definitions it reaches).\n")
                .append("- Objects with `properties` are closed (`additionalProperties: false`) unless upstream keeps")
                .append(" unknown fields (`x-kubernetes-preserve-unknown-fields`): kubectl's default Strict field")
                .append(" validation rejects unknown fields, and a custom resource would otherwise lose them to")
                .append(" pruning. Maps (labels, annotations, trigger metadata) stay maps. Core/v1 types (pod and")
                .append(" volume claim templates) and status types of built-in kinds stay open, because the Kubernetes")
                .append(" OpenAPI snapshot (about 1.24) predates many of their fields; their known fields are still")
                .append(" checked.\n")
                .append("- int-or-string is `type: [integer, string]` (`title: int-or-string`); a built-in Quantity is")
                .append(" a number or a string in quantity syntax (`title: quantity`); a CRD Quantity stays integer")
                .append(" or string, as its CRD says.\n")
                .append("- Custom resources get ObjectMeta for `metadata` (the API server checks it as such).\n")
                .append("- KEDA's release patches are applied to its CRDs.\n")
                .append("- Descriptions, defaults, formats and merge hints are dropped; CEL rules are listed in a")
                .append(" `$comment` (not checked here).\n")
                .append("- Our additions (fields newer than the snapshot, API-server validation rules) carry their")
                .append(" source in a `$comment`.\n")
                .append("\n`requirements.schema.json` is written by hand (the requirements format of `traffic-engineer")
                .append(" draft`); the generator leaves `*.schema.json` files alone.\n");
        return b.toString();
    }

    /** Schemas written by hand live beside the generated ones: {@code *.schema.json} (requirements.schema.json). */
    static final class HandWritten {
        private HandWritten() {}

        static boolean is(String fileName) {
            return fileName.endsWith(".schema.json");
        }
    }
}
