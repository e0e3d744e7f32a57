package dev.netsmith.processor.spec;

/** What reading one {@code @Network} type produced. */
public sealed interface ReadResult {

    /** The declaration, read completely. */
    record Read(NetworkSpec spec, SourceMap sourceMap) implements ReadResult {
    }

    /**
     * A type the declaration names does not resolve yet; another processor may still generate it, so the
     * type is read again next round. In the last round javac itself reports the missing symbol.
     */
    record Deferred(String reason) implements ReadResult {
    }

    /** An annotation value is missing or malformed; javac has already reported it, so nothing is generated. */
    record Unreadable(String reason) implements ReadResult {
    }
}
