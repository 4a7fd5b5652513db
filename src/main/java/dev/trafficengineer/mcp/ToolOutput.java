package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a tool answers: text for the assistant to read and show (reports as the CLI prints them), and the same result
 * as structured JSON that matches the tool's output schema.
 */
public record ToolOutput(String text, ObjectNode structured) {}
