package dev.trafficengineer.rules.behavior;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.testing.RuleTester;

/** A behavior written as YAML in a test, read the way manifests are read. */
final class Yaml {

    private Yaml() {}

    static JsonNode behavior(String yaml) {
        String indented = ("\n" + yaml.stripTrailing()).replace("\n", "\n  ");
        var file = RuleTester.load("apiVersion: v1\nkind: Probe\nmetadata: {name: a}\nspec:" + indented + "\n");
        return file.objects().get(0).tree().path("spec");
    }
}
