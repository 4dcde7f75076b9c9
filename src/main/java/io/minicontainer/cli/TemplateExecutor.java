package io.minicontainer.cli;

import io.minicontainer.cli.TemplateNodes.Action;
import io.minicontainer.cli.TemplateNodes.Arg;
import io.minicontainer.cli.TemplateNodes.Command;
import io.minicontainer.cli.TemplateNodes.Control;
import io.minicontainer.cli.TemplateNodes.ControlKind;
import io.minicontainer.cli.TemplateNodes.Dot;
import io.minicontainer.cli.TemplateNodes.Field;
import io.minicontainer.cli.TemplateNodes.Function;
import io.minicontainer.cli.TemplateNodes.Literal;
import io.minicontainer.cli.TemplateNodes.Node;
import io.minicontainer.cli.TemplateNodes.Pipeline;
import io.minicontainer.cli.TemplateNodes.Sub;
import io.minicontainer.cli.TemplateNodes.Text;
import io.minicontainer.cli.TemplateNodes.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs parsed template nodes against data, as Go's text/template does.
 *
 * <p>In header mode (docker's table headers) every field chain evaluates to its column name, docker's
 * header functions pass their first argument through, and {@code {{range}}} over a name runs once.
 */
final class TemplateExecutor {
    private final String source;
    private final java.util.function.Function<List<String>, String> headerName;
    private final StringBuilder out = new StringBuilder();
    private final List<String> variableNames = new ArrayList<>();
    private final List<Object> variableValues = new ArrayList<>();

    private TemplateExecutor(String source, java.util.function.Function<List<String>, String> headerName) {
        this.source = source;
        this.headerName = headerName;
    }

    static String execute(String source, List<Node> nodes, Object data) {
        return run(new TemplateExecutor(source, null), nodes, data);
    }

    /** The header row: {@code headerName} names the column of a field chain such as {@code [Config, Image]}. */
    static String header(String source, List<Node> nodes, java.util.function.Function<List<String>, String> headerName) {
        return run(new TemplateExecutor(source, headerName), nodes, "");
    }

    private static String run(TemplateExecutor executor, List<Node> nodes, Object data) {
        executor.push("$", data);
        executor.walk(data, nodes);
        return executor.out.toString();
    }

    private boolean header() {
        return headerName != null;
    }

    private void walk(Object dot, List<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Action action) {
                Object value = pipeline(dot, action.pipe(), true);
                if (action.pipe().declared().isEmpty()) {
                    out.append(value == GoValues.MISSING ? "<no value>" : GoValues.print(value));
                }
            } else {
                control(dot, (Control) node);
            }
        }
    }

    private void control(Object dot, Control control) {
        int scope = variableNames.size();
        if (control.kind() == ControlKind.RANGE) {
            range(dot, control);
        } else {
            Object value = pipeline(dot, control.pipe(), true);
            if (GoValues.isTrue(value)) {
                walk(control.kind() == ControlKind.WITH ? value : dot, control.body());
            } else {
                walk(dot, control.otherwise());
            }
        }
        truncate(scope);
    }

    private void range(Object dot, Control control) {
        Object value = pipeline(dot, control.pipe(), false);
        List<Object[]> entries = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            long index = 0;
            for (Object item : list) {
                entries.add(new Object[] {index++, item});
            }
        } else if (value instanceof Map<?, ?> map) {
            for (String key : GoValues.sortedKeys(map)) {
                entries.add(new Object[] {key, map.get(key)});
            }
        } else if (value instanceof Long || value instanceof Integer) {
            for (long i = 0; i < ((Number) value).longValue(); i++) {
                entries.add(new Object[] {i, i});
            }
        } else if (header() && value != null && value != GoValues.MISSING) {
            entries.add(new Object[] {0L, value});
        } else if (value != null && value != GoValues.MISSING) {
            Command first = control.pipe().commands().getFirst();
            throw TemplateError.executing(source, first.pos(), first.source(),
                    "range can't iterate over " + GoValues.print(value));
        }
        if (entries.isEmpty()) {
            walk(dot, control.otherwise());
            return;
        }
        List<String> declared = control.pipe().declared();
        for (Object[] entry : entries) {
            int scope = variableNames.size();
            if (declared.size() == 1) {
                declare(declared.getFirst(), entry[1], control.pipe().assign());
            } else if (declared.size() == 2) {
                declare(declared.get(0), entry[0], control.pipe().assign());
                declare(declared.get(1), entry[1], control.pipe().assign());
            }
            walk(entry[1], control.body());
            truncate(scope);
        }
    }

    private Object pipeline(Object dot, Pipeline pipe, boolean declare) {
        Object value = null;
        boolean piped = false;
        for (Command command : pipe.commands()) {
            value = command(dot, command, value, piped);
            piped = true;
        }
        if (declare) {
            for (String name : pipe.declared()) {
                declare(name, value, pipe.assign());
            }
        }
        return value;
    }

    private Object command(Object dot, Command command, Object piped, boolean hasPiped) {
        try {
            return evalCommand(dot, command, piped, hasPiped);
        } catch (TemplateError e) {
            throw TemplateError.executing(source, command.pos(), command.source(), e.getMessage());
        }
    }

    private Object evalCommand(Object dot, Command command, Object piped, boolean hasPiped) {
        Arg first = command.args().getFirst();
        List<Arg> rest = command.args().subList(1, command.args().size());
        if (first instanceof Function function) {
            return function(dot, function.name(), rest, piped, hasPiped);
        } else if (first instanceof Field field) {
            return chain(dot, dot, field.names(), rest, piped, hasPiped);
        } else if (first instanceof Variable variable) {
            return chain(dot, lookup(variable.name()), variable.names(), rest, piped, hasPiped);
        } else if (first instanceof Sub sub) {
            return chain(dot, pipeline(dot, sub.pipe(), true), sub.names(), rest, piped, hasPiped);
        } else if (first instanceof TemplateNodes.Nil) {
            throw TemplateError.failure("nil is not a command");
        }
        if (!rest.isEmpty() || hasPiped) {
            throw TemplateError.failure("can't give argument to non-function " + command.source().strip());
        }
        return first instanceof Literal literal ? literal.value() : dot;
    }

    private Object function(Object dot, String name, List<Arg> rest, Object piped, boolean hasPiped) {
        boolean and = name.equals("and");
        if (and || name.equals("or")) {
            TemplateFunctions.checkArity(name, rest.size() + (hasPiped ? 1 : 0));
            Object value = null;
            for (int i = 0; i < rest.size() + (hasPiped ? 1 : 0); i++) {
                value = i < rest.size() ? argument(dot, rest.get(i)) : piped;
                if (GoValues.isTrue(value) != and) {
                    return value;
                }
            }
            return value;
        }
        return TemplateFunctions.call(name, arguments(dot, rest, piped, hasPiped), header());
    }

    /** A field chain from {@code receiver}; the last link may be a {@link GoTemplate.Method} taking arguments. */
    private Object chain(Object dot, Object receiver, List<String> names, List<Arg> rest, Object piped, boolean hasPiped) {
        boolean withArguments = !rest.isEmpty() || hasPiped;
        if (header() && !names.isEmpty()) {
            return withArguments ? label(arguments(dot, rest, piped, hasPiped)) : headerName.apply(names);
        }
        Object value = receiver;
        for (int i = 0; i < names.size(); i++) {
            value = field(value, names.get(i));
            boolean last = i == names.size() - 1;
            if (value instanceof GoTemplate.Method method) {
                List<Object> args = last ? arguments(dot, rest, piped, hasPiped) : List.of();
                value = call(method, names.get(i), args);
                if (last) {
                    return value;
                }
            }
        }
        if (withArguments) {
            String what = names.isEmpty() ? "non-function" : names.getLast() + " is not a method but has arguments";
            throw TemplateError.failure(names.isEmpty() ? "can't give argument to " + what : what);
        }
        return value;
    }

    private static Object call(GoTemplate.Method method, String name, List<Object> args) {
        try {
            return method.call(args);
        } catch (TemplateError | CliException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateError.failure("error calling " + name + ": " + e);
        }
    }

    private static Object field(Object receiver, String name) {
        if (receiver == null || receiver == GoValues.MISSING) {
            return GoValues.MISSING;
        }
        if (receiver instanceof Map<?, ?> map) {
            return map.containsKey(name) ? map.get(name) : GoValues.MISSING;
        }
        throw TemplateError.failure("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
    }

    /** docker's header for {@code {{.Label "com.example.name"}}}: "name". */
    private static String label(List<Object> args) {
        String name = args.isEmpty() ? "" : GoValues.print(args.getFirst());
        return name.substring(name.lastIndexOf('.') + 1).replace('-', ' ').replace('_', ' ');
    }

    /** Values for a function: a missing field is passed as nil, as Go does. */
    private List<Object> arguments(Object dot, List<Arg> args, Object piped, boolean hasPiped) {
        List<Object> values = new ArrayList<>();
        for (Arg arg : args) {
            values.add(nilIfMissing(argument(dot, arg)));
        }
        if (hasPiped) {
            values.add(nilIfMissing(piped));
        }
        return values;
    }

    private static Object nilIfMissing(Object value) {
        return value == GoValues.MISSING ? null : value;
    }

    private Object argument(Object dot, Arg arg) {
        if (arg instanceof Literal literal) {
            return literal.value();
        } else if (arg instanceof Dot) {
            return dot;
        } else if (arg instanceof Function function) {
            return function(dot, function.name(), List.of(), null, false);
        } else if (arg instanceof Field field) {
            return chain(dot, dot, field.names(), List.of(), null, false);
        } else if (arg instanceof Variable variable) {
            return chain(dot, lookup(variable.name()), variable.names(), List.of(), null, false);
        } else if (arg instanceof Sub sub) {
            return chain(dot, pipeline(dot, sub.pipe(), true), sub.names(), List.of(), null, false);
        }
        return null;
    }

    private Object lookup(String name) {
        int at = variableNames.lastIndexOf(name);
        if (at < 0) {
            throw TemplateError.failure("undefined variable: " + name);
        }
        return variableValues.get(at);
    }

    private void declare(String name, Object value, boolean assign) {
        if (assign) {
            variableValues.set(variableNames.lastIndexOf(name), value);
        } else {
            push(name, value);
        }
    }

    private void push(String name, Object value) {
        variableNames.add(name);
        variableValues.add(value);
    }

    private void truncate(int size) {
        variableNames.subList(size, variableNames.size()).clear();
        variableValues.subList(size, variableValues.size()).clear();
    }
}
