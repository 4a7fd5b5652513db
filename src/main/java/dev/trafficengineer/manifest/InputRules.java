package dev.trafficengineer.manifest;

import static dev.trafficengineer.finding.Severity.ERROR;
import static dev.trafficengineer.finding.Severity.WARNING;

import dev.trafficengineer.finding.RuleInfo;
import java.util.List;

/** The {@code input/*} rules: a file or document that cannot be read as Kubernetes objects. */
public final class InputRules {

    private InputRules() {}

    private static final String YAML_SOURCE =
            "YAML 1.1 (https://yaml.org/spec/1.1/); Kubernetes reads manifests with sigs.k8s.io/yaml, which uses"
                    + " go-yaml v2 and converts the result to JSON.";

    public static final RuleInfo YAML_SYNTAX = RuleInfo.builder("input/yaml-syntax", ERROR)
            .summary("The file is not valid YAML")
            .rationale("kubectl and every controller reject a manifest that does not parse, so nothing in the"
                    + " document can take effect. Only the broken document is skipped; the others are reviewed.")
            .example("""
                    spec:
                      maxReplicas: 10
                     minReplicas: 2   # indented one space less than its sibling
                    """)
            .remedy("Fix the syntax at the reported line; the message names what the parser expected there.")
            .source(YAML_SOURCE)
            .build();

    public static final RuleInfo TAB_INDENTATION = RuleInfo.builder("input/tab-indentation", ERROR)
            .summary("A line is indented with a tab")
            .rationale("YAML forbids tabs in indentation, so the document does not parse. Editors that mix tabs"
                    + " and spaces make the mistake invisible.")
            .example("spec:\n\tmaxReplicas: 10")
            .remedy("Indent with spaces only (two per level is the Kubernetes convention).")
            .source("YAML 1.1 §4.2.2 (indentation spaces): tabs are not allowed in indentation.")
            .build();

    public static final RuleInfo DUPLICATE_KEY = RuleInfo.builder("input/duplicate-key", ERROR)
            .summary("A mapping has the same key twice")
            .rationale("YAML requires unique keys. Parsers disagree on which value wins, and kubectl with server-side"
                    + " field validation rejects the object, so the author's intent is ambiguous either way.")
            .example("""
                    spec:
                      maxReplicas: 10
                      maxReplicas: 20
                    """)
            .remedy("Keep one of the two keys and delete the other.")
            .source(YAML_SOURCE + " Kubernetes field validation (kubectl --validate=strict, the default since 1.27)"
                    + " reports duplicate fields.")
            .build();

    public static final RuleInfo ALIAS_LIMIT = RuleInfo.builder("input/alias-limit", ERROR)
            .summary("Aliases expand the document beyond a safe size")
            .rationale("Nested anchors and aliases can expand a few lines into billions of nodes (the \"billion"
                    + " laughs\" attack). The document is not read further.")
            .example("""
                    a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
                    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                    """)
            .remedy("Write the values out, or use fewer nested aliases.")
            .source(YAML_SOURCE + " The Kubernetes API server limits alias expansion for the same reason"
                    + " (CVE-2019-11253).")
            .build();

    public static final RuleInfo TOO_LARGE = RuleInfo.builder("input/too-large", ERROR)
            .summary("The file is larger than the review reads")
            .rationale("Manifests of this size are generated or corrupt; reading them whole would exhaust memory."
                    + " The Kubernetes API server rejects request bodies over 3 MiB as well.")
            .example("(a file of more than 16 MiB)")
            .remedy("Split the file, or review the generator's input instead of its output.")
            .source("Kubernetes API server request size limit (3 MiB); this tool's limit is 16 MiB per file.")
            .build();

    public static final RuleInfo TOO_DEEP = RuleInfo.builder("input/too-deep", ERROR)
            .summary("The document nests deeper than any Kubernetes object does")
            .rationale("Kubernetes objects nest a few levels deep; nesting beyond 50 levels is corrupt or"
                    + " hostile input and could exhaust the parser's stack.")
            .example("a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ 1 ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
            .remedy("Check how the file was generated.")
            .source(YAML_SOURCE + " snakeyaml nesting depth limit (50).")
            .build();

    public static final RuleInfo NOT_UTF8 = RuleInfo.builder("input/not-utf8", ERROR)
            .summary("The file is not UTF-8 text")
            .rationale("Kubernetes reads manifests as UTF-8. Other encodings and binary content reach the API"
                    + " server as garbled or invalid bytes.")
            .example("(a file saved as Latin-1 or UTF-16, or a binary file)")
            .remedy("Save the file as UTF-8, or leave binary files out of the review.")
            .source("YAML 1.1 §5.2 (character encodings); sigs.k8s.io/yaml reads UTF-8.")
            .build();

    public static final RuleInfo HELM_TEMPLATE = RuleInfo.builder("input/helm-template", ERROR)
            .summary("The file is a Helm or Go template, not a manifest")
            .rationale("Template markers such as `{{ .Values.replicas }}` are not YAML values: unrendered, the file"
                    + " either fails to parse or means something else entirely (a nested mapping).")
            .example("spec:\n  maxReplicas: {{ .Values.autoscaling.maxReplicas }}")
            .remedy("Render it first with `helm template` and review the output.")
            .source("Helm documentation, \"helm template\"; YAML 1.1 flow mappings.")
            .build();

    public static final RuleInfo NOT_KUBERNETES = RuleInfo.builder("input/not-kubernetes", WARNING)
            .summary("A document is not a Kubernetes object")
            .rationale("Every Kubernetes object is a mapping with string `apiVersion` and `kind` fields. A document"
                    + " without them cannot be applied and is probably not meant to be reviewed.")
            .example("replicas: 3\nimage: nginx")
            .remedy("Add `apiVersion` and `kind`, or leave the file out of the review.")
            .source("Kubernetes API conventions: TypeMeta (apiVersion, kind) on every object.")
            .build();

    public static final RuleInfo UNREADABLE = RuleInfo.builder("input/unreadable", ERROR)
            .summary("The file cannot be read")
            .rationale("A path given to the review that cannot be opened is reported rather than silently skipped.")
            .example("(a file without read permission, or one removed during the review)")
            .remedy("Check the path and its permissions.")
            .source("This tool's input handling.")
            .build();

    public static final List<RuleInfo> ALL = List.of(ALIAS_LIMIT, DUPLICATE_KEY, HELM_TEMPLATE, NOT_KUBERNETES,
            NOT_UTF8, TAB_INDENTATION, TOO_DEEP, TOO_LARGE, UNREADABLE, YAML_SYNTAX);
}
