package dev.trafficengineer.rules;

import dev.trafficengineer.manifest.ObjectIndex;

/** What a rule may consult besides the object it checks: every reviewed object, and the review's options. */
public record RuleContext(ObjectIndex index, ReviewOptions options) {}
