package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

/** The schema of one kind: the JSON document (read for messages: titles, known field names) and its validator. */
record KindSchema(JsonNode document, Schema schema) {}
