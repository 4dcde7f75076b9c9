package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatOptionTest {
    private static final String DEFAULT = "table {{.ID}}\t{{.Image}}\t{{.Status}}\t{{.Names}}";
    private static final Map<String, String> HEADERS =
            Map.of("ID", "CONTAINER ID", "Image", "IMAGE", "Status", "STATUS", "Names", "NAMES", "RunningFor", "CREATED");
    private static final List<Map<String, Object>> ROWS = List.of(
            row("4f66ad9a0b2e", "nginx", "Up 3 seconds", "web"),
            row("a1b2c3d4e5f6", "busybox:latest", "Exited (0) 2 minutes ago", "db"));

    private static Map<String, Object> row(String id, String image, String status, String names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Names", names);
        row.put("ID", id);
        row.put("Image", image);
        row.put("Status", status);
        row.put("Label", (GoTemplate.Method) args ->
                names.equals("web") && args.getFirst().equals("com.example.tier") ? "front" : "");
        return row;
    }

    private static String render(String format) {
        return FormatOption.parse(format, DEFAULT).render(ROWS, HEADERS);
    }

    @Test
    void noFormatOrTableIsTheDefaultTable() {
        String expected = """
                CONTAINER ID   IMAGE            STATUS                     NAMES
                4f66ad9a0b2e   nginx            Up 3 seconds               web
                a1b2c3d4e5f6   busybox:latest   Exited (0) 2 minutes ago   db
                """;
        assertThat(render(null)).isEqualTo(expected);
        assertThat(render("")).isEqualTo(expected);
        assertThat(render("table")).isEqualTo(expected);
        assertThat(FormatOption.parse(null, DEFAULT).isTable()).isTrue();
    }

    @Test
    void aTableTemplateGetsHeadersFromTheFieldNames() {
        assertThat(render("table {{.ID}}\\t{{.Status}}")).isEqualTo("""
                CONTAINER ID   STATUS
                4f66ad9a0b2e   Up 3 seconds
                a1b2c3d4e5f6   Exited (0) 2 minutes ago
                """);
        assertThat(render("table {{.Names | upper}}\t{{.Label \"com.example.tier\"}}\t{{.Unknown}}")).isEqualTo("""
                NAMES     tier      UNKNOWN
                WEB       front     <no value>
                DB                  <no value>
                """);
    }

    @Test
    void anEmptyTableStillHasItsHeader() {
        assertThat(FormatOption.parse(null, "table {{.ID}}\t{{.Image}}\t{{.Names}}").render(List.of(), HEADERS))
                .isEqualTo("CONTAINER ID   IMAGE     NAMES\n");
    }

    @Test
    void jsonIsOneCompactObjectPerLineWithoutMethods() {
        FormatOption json = FormatOption.parse("json", DEFAULT);
        assertThat(json.isJson()).isTrue();
        assertThat(json.render(ROWS, HEADERS)).isEqualTo("""
                {"ID":"4f66ad9a0b2e","Image":"nginx","Names":"web","Status":"Up 3 seconds"}
                {"ID":"a1b2c3d4e5f6","Image":"busybox:latest","Names":"db","Status":"Exited (0) 2 minutes ago"}
                """);
        assertThat(render("{{json .}}")).isEqualTo(json.render(ROWS, HEADERS));
        assertThat(json.render(List.of(), HEADERS)).isEmpty();
    }

    @Test
    void anyOtherTemplateIsOneLinePerRowWithoutHeader() {
        assertThat(render("{{.ID}}: {{.Names}}")).isEqualTo("4f66ad9a0b2e: web\na1b2c3d4e5f6: db\n");
        assertThat(render("{{.Names}}\\t{{.Image}}")).isEqualTo("web\tnginx\ndb\tbusybox:latest\n");
        assertThat(render("{{.Names}}\\n")).isEqualTo("web\n\ndb\n\n");
        assertThat(FormatOption.parse("{{.ID}}", DEFAULT).render(List.of(), HEADERS)).isEmpty();
    }

    @Test
    void templateErrorsAreParsingErrorsLikeDockerPs() {
        assertThatThrownBy(() -> FormatOption.parse("{{.ID", DEFAULT))
                .isInstanceOf(CliException.class)
                .hasMessage("template parsing error: template: :1: unclosed action");
        assertThatThrownBy(() -> render("{{.ID.Short}}"))
                .hasMessage("template parsing error: template: :1:2: executing \"\" at <.ID.Short>: "
                        + "can't evaluate field Short in type string");
    }

    @Test
    void nestedFieldsAreNamedByTheirPathThenTheirLastName() {
        List<Map<String, Object>> rows = List.of(Map.of("State", Map.of("Pid", 12L, "Status", "running")));
        assertThat(FormatOption.parse("table {{.State.Pid}}\t{{.State.Status}}", DEFAULT)
                .render(rows, Map.of("State.Pid", "PID")))
                .isEqualTo("PID       STATUS\n12        running\n");
    }
}
