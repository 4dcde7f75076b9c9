package io.minicontainer.cli;

import io.minicontainer.cli.TemplateNodes.Node;
import java.util.List;
import java.util.function.Function;

/**
 * Go's text/template, the part docker's {@code --format} uses: parse once, execute against data many times.
 *
 * <p>Supported: text; {@code {{.}}}, {@code {{.A.B}}}, {@code {{$}}}, {@code {{$x := ...}}},
 * {@code {{$x = ...}}}; pipelines {@code {{.Name | upper}}}; parenthesized pipelines with fields
 * {@code {{(index .M "k").Field}}}; {@code {{if}}}/{@code {{else if}}}/{@code {{else}}}/{@code {{end}}},
 * {@code {{range}}} (lists, maps in key order, integers; with {@code $v} or {@code $k, $v}) and
 * {@code {{with}}}; <code>{{- </code> and <code> -}}</code> trimming; {@code {{/* comments * /}}}; the functions of
 * {@link TemplateFunctions}. Not supported: define, template, block, break, continue.
 *
 * <p>Data is JSON-shaped ({@code Map}, {@code List}, {@code String}, {@code Long}, {@code Integer},
 * {@code Double}, {@code Boolean}, {@code null}) and may hold {@link Method}s. Values print as Go prints
 * them: {@code 12}, {@code true}, {@code [a b]}, {@code map[k:v]}. A field that does not exist prints
 * {@code <no value>} and a JSON null prints {@code <nil>}, as {@code docker inspect -f} does for a missing
 * map key and for a nil pointer.
 *
 * <p>Errors are {@link CliException}s worded like docker's: {@code template parsing error: template: :1:
 * function "foo" not defined} from {@link #parse}, {@code template: :1:2: executing "" at <.A.B>: can't
 * evaluate field B in type string} from {@link #execute}.
 */
final class GoTemplate {
    /** A value that is called rather than read, such as docker's {@code {{.Label "com.example"}}} on ps rows. */
    @FunctionalInterface
    interface Method {
        Object call(List<Object> args);
    }

    private final String source;
    private final List<Node> nodes;

    private GoTemplate(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    static GoTemplate parse(String source) {
        return new GoTemplate(source, TemplateParser.parse(source));
    }

    String source() {
        return source;
    }

    String execute(Object data) {
        return TemplateExecutor.execute(source, nodes, data);
    }

    /**
     * The template run as a table header, like docker's header functions: each field chain becomes
     * {@code headerName} of its names (e.g. {@code [ID]} for {@code .ID}), functions like upper or json pass the
     * name through unchanged.
     */
    String executeHeader(Function<List<String>, String> headerName) {
        return TemplateExecutor.header(source, nodes, headerName);
    }
}
