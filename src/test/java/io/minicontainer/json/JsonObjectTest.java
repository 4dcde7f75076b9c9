package io.minicontainer.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

    private static final String CONFIG = """
            {
              "ociVersion": "1.0.2",
              "hostname": null,
              "count": 1e3,
              "ratio": 1.5,
              "process": {
                "cwd": 42,
                "args": ["sh", 1],
                "env": ["PATH=/bin", "TERM=xterm"],
                "terminal": true,
                "user": {"uid": 1000, "name": "root"}
              },
              "mounts": [
                {"destination": "/proc", "type": "proc"},
                {"destination": 5}
              ],
              "annotations": {"b": "2", "a": "1"},
              "badAnnotations": {"ok": "x", "count": 1},
              "notObjects": [{}, "x"]
            }""";

    private final JsonObject config = JsonObject.of(Json.parse(CONFIG), "config.json");

    @Test
    void requiresAnObjectAtTheTop() {
        assertThatThrownBy(() -> JsonObject.of(Json.parse("[1]"), "config.json"))
                .isInstanceOf(JsonException.class).hasMessage("config.json: expected an object");
        assertThatThrownBy(() -> JsonObject.of(null, "state.json")).hasMessage("state.json: expected an object");
    }

    @Test
    void readsRequiredStrings() {
        assertThat(config.string("ociVersion")).isEqualTo("1.0.2");
        assertThat(config.object("process").object("user").string("name")).isEqualTo("root");
    }

    @Test
    void namesTheDottedPathOfAMissingOrMistypedString() {
        JsonObject process = config.object("process");

        assertThatThrownBy(() -> process.string("cwd")).isInstanceOf(JsonException.class)
                .hasMessage("config.json: process.cwd: expected a string");
        assertThatThrownBy(() -> process.string("rootfs")).isInstanceOf(JsonException.class)
                .hasMessage("config.json: missing process.rootfs");
        assertThatThrownBy(() -> config.string("hostname")).hasMessage("config.json: missing hostname");
        assertThatThrownBy(() -> process.object("user").string("uid"))
                .hasMessage("config.json: process.user.uid: expected a string");
    }

    @Test
    void fallsBackForMissingOrNullOptionalValues() {
        assertThat(config.string("hostname", "box")).isEqualTo("box");
        assertThat(config.string("domainname", "local")).isEqualTo("local");
        assertThat(config.string("ociVersion", "x")).isEqualTo("1.0.2");
        assertThat(config.number("missing", 7)).isEqualTo(7);
        assertThat(config.bool("missing", true)).isTrue();
        assertThatThrownBy(() -> config.string("count", "x")).hasMessage("config.json: count: expected a string");
    }

    @Test
    void readsIntegersIncludingIntegralExponentLiterals() {
        assertThat(config.object("process").object("user").number("uid", -1)).isEqualTo(1000);
        assertThat(config.number("count", 0)).isEqualTo(1000);
        assertThatThrownBy(() -> config.number("ratio", 0)).hasMessage("config.json: ratio: expected an integer");
        assertThatThrownBy(() -> config.number("ociVersion", 0))
                .hasMessage("config.json: ociVersion: expected an integer");
    }

    @Test
    void readsBooleans() {
        assertThat(config.object("process").bool("terminal", false)).isTrue();
        assertThatThrownBy(() -> config.bool("ociVersion", false))
                .hasMessage("config.json: ociVersion: expected a boolean");
    }

    @Test
    void givesAnEmptyViewForAMissingObjectThatStillKnowsItsPath() {
        JsonObject linux = config.object("linux");

        assertThat(linux.keys()).isEmpty();
        assertThat(linux.has("namespaces")).isFalse();
        assertThat(linux.path()).isEqualTo("config.json: linux");
        assertThatThrownBy(() -> linux.object("resources").string("cpu"))
                .hasMessage("config.json: missing linux.resources.cpu");
        assertThatThrownBy(() -> config.object("ociVersion")).hasMessage("config.json: ociVersion: expected an object");
    }

    @Test
    void readsStringArrays() {
        assertThat(config.object("process").strings("env")).containsExactly("PATH=/bin", "TERM=xterm");
        assertThat(config.strings("missing")).isEmpty();
        assertThatThrownBy(() -> config.object("process").strings("args"))
                .hasMessage("config.json: process.args[1]: expected a string");
        assertThatThrownBy(() -> config.strings("ociVersion")).hasMessage("config.json: ociVersion: expected an array");
    }

    @Test
    void readsObjectArraysWithIndexedPaths() {
        List<JsonObject> mounts = config.objects("mounts");

        assertThat(mounts).hasSize(2);
        assertThat(mounts.get(0).string("destination")).isEqualTo("/proc");
        assertThat(mounts.get(1).path()).isEqualTo("config.json: mounts[1]");
        assertThatThrownBy(() -> mounts.get(1).string("destination"))
                .hasMessage("config.json: mounts[1].destination: expected a string");
        assertThatThrownBy(() -> config.objects("notObjects"))
                .hasMessage("config.json: notObjects[1]: expected an object");
        assertThat(config.objects("missing")).isEmpty();
    }

    @Test
    void readsStringMapsInDocumentOrder() {
        assertThat(config.stringMap("annotations")).containsExactly(entry("b", "2"), entry("a", "1"));
        assertThat(config.stringMap("missing")).isEmpty();
        assertThatThrownBy(() -> config.stringMap("badAnnotations"))
                .hasMessage("config.json: badAnnotations.count: expected a string");
        assertThatThrownBy(() -> config.stringMap("mounts")).hasMessage("config.json: mounts: expected an object");
    }

    @Test
    void listsKeysAndReportsPresence() {
        assertThat(config.keys()).containsExactly("ociVersion", "hostname", "count", "ratio", "process", "mounts",
                "annotations", "badAnnotations", "notObjects");
        assertThat(config.has("process")).isTrue();
        assertThat(config.has("hostname")).as("null counts as missing").isFalse();
        assertThat(config.has("linux")).isFalse();
    }

    @Test
    void describesPathsForCallersOwnMessages() {
        assertThat(config.path()).isEqualTo("config.json");
        assertThat(config.object("process").path()).isEqualTo("config.json: process");
        assertThat(config.object("process").pathOf("cwd")).isEqualTo("config.json: process.cwd");
        assertThat(config.objects("mounts").get(0).pathOf("type")).isEqualTo("config.json: mounts[0].type");
    }

    @Test
    void returnsReadOnlyCollections() {
        assertThatThrownBy(() -> config.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.object("process").strings("env").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.objects("mounts").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.stringMap("annotations").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
