package io.minicontainer.cli;

import java.util.List;

/** The parsed form of a Go template: text, actions and the if/range/with structures around them. */
final class TemplateNodes {
    private TemplateNodes() {}

    sealed interface Node permits Text, Action, Control {}

    record Text(String text) implements Node {}

    /** {@code {{pipeline}}}: prints the pipeline's value unless it only declares variables. */
    record Action(Pipeline pipe) implements Node {}

    enum ControlKind { IF, RANGE, WITH }

    /** {@code {{if}}}, {@code {{range}}} or {@code {{with}}}; {@code otherwise} is the {{else}} part (maybe empty). */
    record Control(ControlKind kind, Pipeline pipe, List<Node> body, List<Node> otherwise) implements Node {}

    /** {@code $a, $b := cmd | cmd}: {@code assign} for {@code =} rather than {@code :=}. */
    record Pipeline(List<String> declared, boolean assign, List<Command> commands) {}

    /** One stage of a pipeline; {@code source} is its text for error messages. */
    record Command(int pos, String source, List<Arg> args) {}

    sealed interface Arg permits Field, Dot, Variable, Function, Literal, Nil, Sub {}

    /** {@code .A.B}: a chain of field names from dot. */
    record Field(List<String> names) implements Arg {}

    record Dot() implements Arg {}

    /** {@code $x.A.B}; {@code $} alone is the data the template was executed with. */
    record Variable(String name, List<String> names) implements Arg {}

    record Function(String name) implements Arg {}

    /** A string, integer (Long), float (Double) or boolean constant. */
    record Literal(Object value) implements Arg {}

    record Nil() implements Arg {}

    /** {@code (pipeline).A.B}. */
    record Sub(Pipeline pipe, List<String> names) implements Arg {}
}
