package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
    private static final Object INSPECT = Json.parse("""
            {"Id": "4f66ad9a0b2e", "Name": "/web", "State": {"Status": "running", "Running": true, "Pid": 12345,
             "ExitCode": 0, "Error": ""},
             "Config": {"Image": "nginx:latest", "Env": ["PATH=/usr/bin", "A=b c"], "Cmd": null,
                        "Labels": {"com.example.team": "web", "tier": "front"}, "Tty": false},
             "Mounts": [{"Source": "/data", "Destination": "/var/lib/data"}, {"Source": "/logs", "Destination": "/log"}],
             "NetworkSettings": {"Networks": {"bridge": {"IPAddress": "172.17.0.2"}}},
             "Ratio": 0.5, "Empty": [], "EmptyMap": {}}
            """);

    private static String run(String template, Object data) {
        return GoTemplate.parse(template).execute(data);
    }

    private static String run(String template) {
        return run(template, INSPECT);
    }

    @Test
    void textWithoutActionsIsCopied() {
        assertThat(run("plain text\n")).isEqualTo("plain text\n");
        assertThat(run("")).isEmpty();
        assertThat(run("a } b { c")).isEqualTo("a } b { c");
    }

    @Test
    void fieldsPrintLikeGo() {
        assertThat(run("{{.State.Pid}}")).isEqualTo("12345");
        assertThat(run("{{.State.Running}} {{.Config.Tty}}")).isEqualTo("true false");
        assertThat(run("{{.Name}}")).isEqualTo("/web");
        assertThat(run("{{.Config.Env}}")).isEqualTo("[PATH=/usr/bin A=b c]");
        assertThat(run("{{.Config.Labels}}")).isEqualTo("map[com.example.team:web tier:front]");
        assertThat(run("{{.Ratio}}")).isEqualTo("0.5");
        assertThat(run("{{.}}", "just a string")).isEqualTo("just a string");
        assertThat(run("{{.}}", 42L)).isEqualTo("42");
    }

    @Test
    void missingFieldsPrintNoValueAndJsonNullPrintsNil() {
        assertThat(run("{{.Nope}}")).isEqualTo("<no value>");
        assertThat(run("{{.Nope.Deeper.Still}}")).isEqualTo("<no value>");
        assertThat(run("{{.Config.Cmd}}")).isEqualTo("<nil>");
        assertThat(run("{{.Config.Cmd.Anything}}")).isEqualTo("<no value>");
        assertThat(run("{{.X}}", null)).isEqualTo("<no value>");
    }

    @Test
    void aFieldOfAScalarIsAnExecutionErrorNamingTheCommand() {
        assertThatThrownBy(() -> run("id: {{.Name.First}}"))
                .isInstanceOf(CliException.class)
                .hasMessage("template: :1:6: executing \"\" at <.Name.First>: can't evaluate field First in type string");
    }

    @Test
    void jsonWritesCompactJson() {
        assertThat(run("{{json .Config.Labels}}")).isEqualTo("{\"com.example.team\":\"web\",\"tier\":\"front\"}");
        assertThat(run("{{json .Mounts}}")).startsWith("[{\"Source\":\"/data\",");
        assertThat(run("{{json .Config.Cmd}}")).isEqualTo("null");
        assertThat(run("{{json .Nope}}")).isEqualTo("null");
        assertThat(run("{{.State | json}}"))
                .isEqualTo("{\"Status\":\"running\",\"Running\":true,\"Pid\":12345,\"ExitCode\":0,\"Error\":\"\"}");
        assertThat(run("{{json .Name}}")).isEqualTo("\"/web\"");
        assertThat(run("{{json .}}", Json.parse("[2.0, 0.5, -3.0]"))).isEqualTo("[2,0.5,-3]");
    }

    @Test
    void indexReadsMapsAndListsAndNests() {
        assertThat(run("{{index .Config.Labels \"com.example.team\"}}")).isEqualTo("web");
        assertThat(run("{{index .Config.Labels \"absent\"}}")).isEmpty();
        assertThat(run("{{index .Config.Env 1}}")).isEqualTo("A=b c");
        assertThat(run("{{index .Mounts 1 \"Source\"}}")).isEqualTo("/logs");
        assertThat(run("{{(index .NetworkSettings.Networks \"bridge\").IPAddress}}")).isEqualTo("172.17.0.2");
        assertThatThrownBy(() -> run("{{index .Config.Env 5}}"))
                .hasMessageEndingWith("at <index .Config.Env 5>: error calling index: index out of range: 5");
    }

    @Test
    void stringFunctions() {
        assertThat(run("{{join .Config.Env \", \"}}")).isEqualTo("PATH=/usr/bin, A=b c");
        assertThat(run("{{join .Config.Cmd \",\"}}")).isEmpty();
        assertThat(run("{{split \"a,b,,c\" \",\"}}")).isEqualTo("[a b  c]");
        assertThat(run("{{len (split \"\" \",\")}}")).isEqualTo("1");
        assertThat(run("{{upper .State.Status}} {{lower \"ABC\"}} {{title \"hello wide-world\"}}"))
                .isEqualTo("RUNNING abc Hello Wide-World");
        assertThat(run("{{.Name | upper}}")).isEqualTo("/WEB");
        assertThat(run("[{{pad .Name 1 2}}][{{pad \"\" 1 2}}]")).isEqualTo("[ /web  ][]");
        assertThat(run("{{truncate .Id 4}} {{truncate \"ab\" 5}}")).isEqualTo("4f66 ab");
        assertThat(run("{{slice .Id 0 4}} {{slice .Config.Env 1}}")).isEqualTo("4f66 [A=b c]");
    }

    @Test
    void lenCountsBytesElementsAndKeys() {
        assertThat(run("{{len .Mounts}} {{len .Config.Labels}} {{len .Name}} {{len \"é\"}}")).isEqualTo("2 2 4 2");
        assertThat(run("{{len .Config.Cmd}} {{len .Nope}}")).isEqualTo("0 0");
        assertThatThrownBy(() -> run("{{len .State.Pid}}")).hasMessageEndingWith("error calling len: len of type int");
    }

    @Test
    void printFunctionsFollowFmt() {
        assertThat(run("{{print \"a\" \"b\" 1 2 true}}")).isEqualTo("ab1 2 true");
        assertThat(run("{{println .Name .State.Pid}}")).isEqualTo("/web 12345\n");
        assertThat(run("{{print .Nope}}")).isEqualTo("<nil>");
        assertThat(run("{{printf \"%s-%d\" .Name .State.Pid}}")).isEqualTo("/web-12345");
        assertThat(run("{{.State.Pid | printf \"pid=%v\"}}")).isEqualTo("pid=12345");
    }

    @Test
    void printfVerbsWidthsAndComplaints() {
        assertThat(run("{{printf \"[%5s|%-5s|%05d|%x|%X|%o|%b]\" \"ab\" \"cd\" 42 255 255 8 5}}"))
                .isEqualTo("[   ab|cd   |00042|ff|FF|10|101]");
        assertThat(run("{{printf \"%q %v %t %c %.2f %e %g %8.3f\" \"a\\\"b\" .Config.Env true 65 3.14159 1234.5 0.5 2.5}}"))
                .isEqualTo("\"a\\\"b\" [PATH=/usr/bin A=b c] true A 3.14 1.234500e+03 0.5    2.500");
        assertThat(run("{{printf \"%d|%s|%d\" \"x\" 5}}")).isEqualTo("%!d(string=x)|%!s(int=5)|%!d(MISSING)");
        assertThat(run("{{printf \"%d\" 1 \"extra\"}}")).isEqualTo("1%!(EXTRA string=extra)");
        assertThat(run("{{printf \"100%%\"}} {{printf \"%+d % d %.3s %x\" 5 5 \"abcdef\" \"hi\"}}"))
                .isEqualTo("100% +5  5 abc 6869");
        assertThat(run("{{printf \"%.1f %d\" 3 4.0}}")).isEqualTo("3.0 4");
        assertThat(run("{{printf \"%*d|%-*d|\" 4 7 3 8}}")).isEqualTo("   7|8  |");
    }

    @Test
    void floatsPrintShortestLikeGo() {
        assertThat(GoValues.formatFloat(1.5)).isEqualTo("1.5");
        assertThat(GoValues.formatFloat(100000)).isEqualTo("100000");
        assertThat(GoValues.formatFloat(1e6)).isEqualTo("1e+06");
        assertThat(GoValues.formatFloat(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoValues.formatFloat(0.0001)).isEqualTo("0.0001");
        assertThat(GoValues.formatFloat(0.00001)).isEqualTo("1e-05");
        assertThat(GoValues.formatFloat(-2.0)).isEqualTo("-2");
        assertThat(GoValues.formatFloat(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(GoValues.formatFloat(1.0, 3)).isEqualTo("1");
        assertThat(GoValues.formatFloat(1234.5678, 3)).isEqualTo("1.23e+03");
        assertThat(GoValues.formatFloat(100, 3)).isEqualTo("100");
    }

    @Test
    void ifElseFollowsGoTruth() {
        assertThat(run("{{if .State.Running}}up{{else}}down{{end}}")).isEqualTo("up");
        assertThat(run("{{if .Config.Tty}}tty{{else}}no tty{{end}}")).isEqualTo("no tty");
        assertThat(run("{{if .State.ExitCode}}a{{else}}b{{end}}{{if .State.Error}}c{{else}}d{{end}}")).isEqualTo("bd");
        assertThat(run("{{if .Empty}}a{{else}}b{{end}}{{if .EmptyMap}}c{{else}}d{{end}}{{if .Nope}}e{{end}}"))
                .isEqualTo("bd");
        assertThat(run("{{if .Config.Cmd}}a{{else if .Mounts}}b{{else}}c{{end}}")).isEqualTo("b");
        assertThat(run("{{if .Config.Cmd}}a{{else if .Empty}}b{{else}}c{{end}}")).isEqualTo("c");
        assertThat(run("{{if .Config.Cmd}}a{{end}}")).isEmpty();
    }

    @Test
    void comparisonsAndLogic() {
        assertThat(run("{{if eq .State.Status \"running\"}}yes{{end}}")).isEqualTo("yes");
        assertThat(run("{{eq .State.Pid 1 12345}} {{ne .State.Pid 1}} {{lt 1 2}} {{ge 2.5 2}} {{gt \"b\" \"a\"}}"))
                .isEqualTo("true true true true true");
        assertThat(run("{{and .State.Running .Name}} {{or .Config.Tty .Empty \"fallback\"}} {{not .Config.Tty}}"))
                .isEqualTo("/web fallback true");
        assertThat(run("{{and .Config.Tty .Nope.X}}")).isEqualTo("false");
        assertThatThrownBy(() -> run("{{eq .State.Pid \"1\"}}")).hasMessageEndingWith("incompatible types for comparison");
    }

    @Test
    void rangeOverListsMapsAndIntegers() {
        assertThat(run("{{range .Mounts}}{{.Source}} {{end}}")).isEqualTo("/data /logs ");
        assertThat(run("{{range $i, $m := .Mounts}}{{$i}}={{$m.Destination}};{{end}}")).isEqualTo("0=/var/lib/data;1=/log;");
        assertThat(run("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}},{{end}}")).isEqualTo("com.example.team=web,tier=front,");
        assertThat(run("{{range $v := .Config.Env}}<{{$v}}>{{end}}")).isEqualTo("<PATH=/usr/bin><A=b c>");
        assertThat(run("{{range .Empty}}x{{else}}none{{end}}{{range .Config.Cmd}}x{{else}}nil{{end}}")).isEqualTo("nonenil");
        assertThat(run("{{range 3}}{{.}}{{end}}")).isEqualTo("012");
        assertThat(run("{{range .Mounts}}{{$.Name}}:{{.Source}} {{end}}")).isEqualTo("/web:/data /web:/logs ");
        assertThatThrownBy(() -> run("{{range .Name}}{{end}}")).hasMessageEndingWith("range can't iterate over /web");
    }

    @Test
    void withSetsDot() {
        assertThat(run("{{with .State}}{{.Status}} {{.Pid}}{{end}}")).isEqualTo("running 12345");
        assertThat(run("{{with .Config.Cmd}}{{.}}{{else}}no cmd{{end}}")).isEqualTo("no cmd");
        assertThat(run("{{with $s := .State.Status}}{{$s}}{{end}}")).isEqualTo("running");
        assertThat(run("{{with .Config.Cmd}}a{{else with .Name}}{{.}}{{end}}")).isEqualTo("/web");
    }

    @Test
    void variablesAreScopedToTheirControlStructure() {
        assertThat(run("{{$n := .Name}}{{$n}} {{$n = \"other\"}}{{$n}}")).isEqualTo("/web other");
        assertThat(run("{{$x := 1}}{{range .Mounts}}{{$x = 2}}{{end}}{{$x}}")).isEqualTo("2");
        assertThatThrownBy(() -> GoTemplate.parse("{{if true}}{{$y := 1}}{{end}}{{$y}}"))
                .hasMessage("template parsing error: template: :1: undefined variable \"$y\"");
    }

    @Test
    void trimMarkersEatSurroundingWhiteSpace() {
        assertThat(run("a  {{- .State.Pid -}}  \n b")).isEqualTo("a12345b");
        assertThat(run("{{range .Mounts -}}\n  {{.Source}}\n{{- end}}")).isEqualTo("/data/logs");
        assertThat(run("{{-3}}")).isEqualTo("-3");
        assertThat(run("x {{- /* note */ -}} y{{/* another */}}")).isEqualTo("xy");
    }

    @Test
    void methodsTakeArguments() {
        Map<String, Object> row = Map.of("Label", (GoTemplate.Method) args -> "v-" + args.getFirst());
        assertThat(run("{{.Label \"com.example\"}}", row)).isEqualTo("v-com.example");
        assertThatThrownBy(() -> run("{{.Label}}", row)).hasMessageContaining("at <.Label>: error calling Label: ");
        assertThatThrownBy(() -> run("{{.Name \"x\"}}"))
                .hasMessageEndingWith("at <.Name \"x\">: Name is not a method but has arguments");
    }

    @Test
    void literalsAndRawStrings() {
        assertThat(run("{{\"a\\tb\"}}|{{`raw\\n`}}|{{0x1F}}|{{'a'}}|{{1.5}}|{{1_000}}|{{true}}"))
                .isEqualTo("a\tb|raw\\n|31|97|1.5|1000|true");
    }

    @Test
    void parseErrorsAreWordedLikeGo() {
        assertParseError("{{foo .X}}", "function \"foo\" not defined");
        assertParseError("a\n{{.X", "unclosed action");
        assertParseError("{{if .X}}a", "unexpected EOF");
        assertParseError("{{end}}", "unexpected {{end}}");
        assertParseError("{{else}}", "unexpected {{else}}");
        assertParseError("{{}}", "missing value for command");
        assertParseError("{{if}}{{end}}", "missing value for if");
        assertParseError("{{\"abc}}", "unterminated quoted string");
        assertParseError("{{.X !}}", "unrecognized character in action: U+0021 '!'");
        assertParseError("{{.X | 3}}", "non executable command in pipeline stage 2");
        assertParseError("{{template \"x\"}}", "{{template}} is not supported");
        assertParseError("{{/* open", "unclosed comment");
        assertParseError("{{(.X}}", "unexpected \"}}\" in operand");
        assertParseError("{{1x}}", "bad number syntax: \"1x\"");
    }

    @Test
    void parseErrorsNameTheirLine() {
        assertThatThrownBy(() -> GoTemplate.parse("line one\nline two {{nope}}"))
                .hasMessage("template parsing error: template: :2: function \"nope\" not defined");
    }

    @Test
    void aParsedTemplateRunsManyTimes() {
        GoTemplate template = GoTemplate.parse("{{.Name}};");
        assertThat(template.execute(Map.of("Name", "a"))).isEqualTo("a;");
        assertThat(template.execute(Map.of("Name", "b"))).isEqualTo("b;");
        assertThat(template.source()).isEqualTo("{{.Name}};");
    }

    @Test
    void headersNameTheColumnsAndPassThroughFunctions() {
        GoTemplate template = GoTemplate.parse("{{.ID}}\t{{.Names | upper}}\t{{json .Labels}}\t{{.Label \"com.x.my_key\"}}");
        String header = template.executeHeader(names -> String.join(".", names).toUpperCase());
        assertThat(header).isEqualTo("ID\tNAMES\tLABELS\tmy key");
        assertThat(GoTemplate.parse("{{range .Mounts}}{{.Source}}{{end}}").executeHeader(List::getLast)).isEqualTo("Source");
    }

    private static void assertParseError(String template, String message) {
        assertThatThrownBy(() -> GoTemplate.parse(template))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("template parsing error: template: :")
                .hasMessageEndingWith(": " + message);
    }
}
