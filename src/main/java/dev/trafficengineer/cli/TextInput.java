package dev.trafficengineer.cli;

import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A command's one input file, where {@code -} means standard input. */
final class TextInput {

    private TextInput() {}

    /** Reads it; a path that is no regular file is a usage error naming {@code what} it should have been. */
    static SourceText read(String argument, InputStream stdin, String what) throws IOException {
        if (argument.equals("-")) {
            return new SourceText("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path p = Path.of(argument);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("no such " + what + ": " + argument);
        }
        return new SourceText(argument, Files.readString(p, StandardCharsets.UTF_8));
    }
}
