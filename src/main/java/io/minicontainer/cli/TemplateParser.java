package io.minicontainer.cli;

import io.minicontainer.cli.TemplateLexer.Kind;
import io.minicontainer.cli.TemplateLexer.Token;
import io.minicontainer.cli.TemplateNodes.Action;
import io.minicontainer.cli.TemplateNodes.Arg;
import io.minicontainer.cli.TemplateNodes.Command;
import io.minicontainer.cli.TemplateNodes.Control;
import io.minicontainer.cli.TemplateNodes.ControlKind;
import io.minicontainer.cli.TemplateNodes.Dot;
import io.minicontainer.cli.TemplateNodes.Field;
import io.minicontainer.cli.TemplateNodes.Function;
import io.minicontainer.cli.TemplateNodes.Literal;
import io.minicontainer.cli.TemplateNodes.Nil;
import io.minicontainer.cli.TemplateNodes.Node;
import io.minicontainer.cli.TemplateNodes.Pipeline;
import io.minicontainer.cli.TemplateNodes.Sub;
import io.minicontainer.cli.TemplateNodes.Text;
import io.minicontainer.cli.TemplateNodes.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds {@link TemplateNodes} from the lexer's tokens, with Go's checks and error messages. */
final class TemplateParser {
    private static final Set<String> UNSUPPORTED = Set.of("define", "template", "block", "break", "continue");

    private final String input;
    private final List<Token> tokens;
    private final List<String> variables = new ArrayList<>(List.of("$"));
    private int next;

    private TemplateParser(String input) {
        this.input = input;
        this.tokens = TemplateLexer.lex(input);
    }

    static List<Node> parse(String input) {
        TemplateParser parser = new TemplateParser(input);
        Items items = parser.items();
        if (items.terminator().kind() != Kind.EOF) {
            throw parser.error(items.terminator(), "unexpected {{" + items.terminator().text() + "}}");
        }
        return items.nodes();
    }

    /** Nodes up to the end of input, or up to an {{end}} or {{else}} whose keyword token is the terminator. */
    private record Items(List<Node> nodes, Token terminator) {}

    private Items items() {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token token = take();
            if (token.kind() == Kind.TEXT) {
                nodes.add(new Text(token.text()));
            } else if (token.kind() == Kind.EOF) {
                return new Items(nodes, token);
            } else {
                Token first = peek();
                if (isKeyword(first, "end") || isKeyword(first, "else")) {
                    return new Items(nodes, take());
                }
                nodes.add(action());
            }
        }
    }

    private Node action() {
        Token first = peek();
        if (first.kind() == Kind.IDENT) {
            switch (first.text()) {
                case "if" -> {
                    return control(ControlKind.IF);
                }
                case "range" -> {
                    return control(ControlKind.RANGE);
                }
                case "with" -> {
                    return control(ControlKind.WITH);
                }
                default -> {
                    if (UNSUPPORTED.contains(first.text())) {
                        throw error(first, "{{" + first.text() + "}} is not supported");
                    }
                }
            }
        }
        return new Action(pipeline("command", Kind.RIGHT));
    }

    private Control control(ControlKind kind) {
        String context = kind.name().toLowerCase(Locale.ROOT);
        take(); // the keyword
        int scope = variables.size();
        Pipeline pipe = pipeline(context, Kind.RIGHT);
        Items body = items();
        List<Node> otherwise = List.of();
        if (isKeyword(body.terminator(), "else")) {
            boolean elseChain = kind != ControlKind.RANGE && isKeyword(peek(), context);
            if (elseChain) {
                otherwise = List.of(control(kind)); // {{else if}}: the nested if takes the shared {{end}}
            } else {
                expectRight("else");
                Items rest = items();
                if (!isKeyword(rest.terminator(), "end")) {
                    throw unexpectedEnd(rest.terminator());
                }
                expectRight("end");
                otherwise = rest.nodes();
            }
        } else if (isKeyword(body.terminator(), "end")) {
            expectRight("end");
        } else {
            throw unexpectedEnd(body.terminator());
        }
        variables.subList(scope, variables.size()).clear();
        return new Control(kind, pipe, body.nodes(), otherwise);
    }

    private CliException unexpectedEnd(Token token) {
        return token.kind() == Kind.EOF ? error(token, "unexpected EOF")
                : error(token, "expected end; found {{" + token.text() + "}}");
    }

    private void expectRight(String context) {
        Token token = take();
        if (token.kind() != Kind.RIGHT) {
            throw error(token, "unexpected " + describe(token) + " in " + context);
        }
    }

    private Pipeline pipeline(String context, Kind end) {
        List<String> declared = new ArrayList<>();
        boolean assign = declarations(context, declared);
        List<Command> commands = new ArrayList<>();
        while (true) {
            Token token = peek();
            if (token.kind() == end) {
                take();
                break;
            }
            if (!commands.isEmpty()) {
                if (token.kind() != Kind.PIPE) {
                    throw error(token, "unexpected " + describe(token) + " in " + context);
                }
                take();
            }
            commands.add(command(end));
        }
        if (commands.isEmpty()) {
            throw error(peekBack(), "missing value for " + context);
        }
        for (int i = 1; i < commands.size(); i++) {
            Arg first = commands.get(i).args().getFirst();
            if (first instanceof Literal || first instanceof Dot || first instanceof Nil) {
                throw error(peekBack(), "non executable command in pipeline stage " + (i + 1));
            }
        }
        return new Pipeline(List.copyOf(declared), assign, List.copyOf(commands));
    }

    /** Reads {@code $x :=}, {@code $x =} or (in range) {@code $k, $v :=}; answers whether it is an assignment. */
    private boolean declarations(String context, List<String> declared) {
        int ahead = 0;
        while (peek(ahead).kind() == Kind.VARIABLE) {
            Kind after = peek(ahead + 1).kind();
            if (after == Kind.DECLARE || after == Kind.ASSIGN) {
                for (int i = 0; i <= ahead; i += 2) {
                    declared.add(peek(i).text());
                }
                if (declared.size() > 1 && !context.equals("range")) {
                    throw error(peek(0), "too many declarations in " + context);
                }
                if (declared.size() > 2) {
                    throw error(peek(0), "too many declarations in range");
                }
                boolean assign = after == Kind.ASSIGN;
                for (String name : declared) {
                    if (assign && !variables.contains(name)) {
                        throw error(peek(0), "undefined variable \"" + name + "\"");
                    }
                }
                next += ahead + 2;
                if (!assign) {
                    variables.addAll(declared);
                }
                return assign;
            }
            if (after != Kind.COMMA) {
                return false;
            }
            ahead += 2;
        }
        return false;
    }

    private Command command(Kind end) {
        Token first = peek();
        List<Arg> args = new ArrayList<>();
        int sourceEnd = first.pos();
        while (true) {
            Token token = peek();
            if (token.kind() == end || token.kind() == Kind.PIPE) {
                break;
            }
            if (token.kind() == Kind.RIGHT || token.kind() == Kind.RPAREN || token.kind() == Kind.EOF
                    || (!args.isEmpty() && !token.spaceBefore())) {
                throw error(token, "unexpected " + describe(token) + " in operand");
            }
            args.add(operand());
            sourceEnd = peekBack().pos() + peekBack().text().length();
        }
        if (args.isEmpty()) {
            throw error(first, "missing value for command");
        }
        return new Command(first.pos(), input.substring(first.pos(), sourceEnd), List.copyOf(args));
    }

    private Arg operand() {
        Token token = take();
        return switch (token.kind()) {
            case DOT -> noChain(new Dot(), token);
            case FIELD -> new Field(chain(new ArrayList<>(List.of(token.text().substring(1)))));
            case VARIABLE -> {
                if (!variables.contains(token.text())) {
                    throw error(token, "undefined variable \"" + token.text() + "\"");
                }
                yield new Variable(token.text(), chain(new ArrayList<>()));
            }
            case IDENT -> {
                if (!TemplateFunctions.exists(token.text())) {
                    throw error(token, "function \"" + token.text() + "\" not defined");
                }
                yield noChain(new Function(token.text()), token);
            }
            case STRING, NUMBER, BOOL -> noChain(new Literal(token.value()), token);
            case NIL -> noChain(new Nil(), token);
            case LPAREN -> {
                Pipeline pipe = pipeline("parenthesized pipeline", Kind.RPAREN);
                yield new Sub(pipe, chain(new ArrayList<>()));
            }
            default -> throw error(token, "unexpected " + describe(token) + " in operand");
        };
    }

    /** Field names written right after a term, without space: {@code .A.B}, {@code $x.A}, {@code (p).A}. */
    private List<String> chain(List<String> names) {
        while (peek().kind() == Kind.FIELD && !peek().spaceBefore()) {
            names.add(take().text().substring(1));
        }
        return List.copyOf(names);
    }

    private Arg noChain(Arg arg, Token term) {
        if (peek().kind() == Kind.FIELD && !peek().spaceBefore()) {
            throw error(peek(), "unexpected . after term " + describe(term));
        }
        return arg;
    }

    private static boolean isKeyword(Token token, String word) {
        return token.kind() == Kind.IDENT && token.text().equals(word);
    }

    /** Go quotes the token's text, shortened past ten characters. */
    private static String describe(Token token) {
        if (token.kind() == Kind.EOF) {
            return "EOF";
        }
        String text = token.text().length() > 10 ? token.text().substring(0, 10) : token.text();
        return GoValues.quote(text) + (token.text().length() > 10 ? "..." : "");
    }

    private Token take() {
        return tokens.get(next++);
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token peekBack() {
        return tokens.get(Math.max(0, next - 1));
    }

    private CliException error(Token token, String message) {
        return TemplateError.parse(input, token.pos(), message);
    }
}
