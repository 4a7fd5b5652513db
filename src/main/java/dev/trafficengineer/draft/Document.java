package dev.trafficengineer.draft;

/** One drafted manifest: its kind and name, and its YAML tree with a comment on each chosen value. */
public record Document(String kind, String name, YamlTree tree) {}
