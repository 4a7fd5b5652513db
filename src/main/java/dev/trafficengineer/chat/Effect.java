package dev.trafficengineer.chat;

/** Something a turn asks the front end to do, since the engine does no I/O itself. */
public sealed interface Effect {

    /** Nothing to do. */
    record None() implements Effect {}

    /** Write {@code content} to {@code path} and tell the user whether it worked. */
    record Save(String path, String content) implements Effect {}

    /** End the conversation. */
    record Quit() implements Effect {}

    Effect NONE = new None();
    Effect QUIT = new Quit();
}
