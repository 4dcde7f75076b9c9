package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerNamesTest {
    private static final long SEED = 42;

    @TempDir
    Path tmp;

    private ContainerNames names(long seed) {
        return new ContainerNames(tmp.resolve("names"), new Random(seed));
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString();
    }

    /** Claims {@code count} random names with {@link #SEED}, by id; returns name to id. */
    private Map<String, String> fillWithSeededNames(int count) {
        ContainerNames names = names(SEED);
        Map<String, String> taken = new HashMap<>();
        for (int i = 0; i < count; i++) {
            taken.put(nameOf(names.claimRandom("id" + i)), "id" + i);
        }
        return taken;
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "a1", "Web_1", "my.app-2", "9lives", "x-"})
    void acceptsDockersNames(String name) {
        assertThatCode(() -> ContainerNames.validate(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-web", "_web", ".web", "web app", "web/app", "wéb", "web:1", "../x"})
    void refusesNamesOutsideDockersPattern(String name) {
        assertThatThrownBy(() -> ContainerNames.validate(name)).isInstanceOf(EngineException.class)
                .hasMessage("invalid container name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }

    @Test
    void claimWritesTheIdUnderTheName() throws IOException {
        Path file = names(SEED).claim("web", "abc123");

        assertThat(file).isEqualTo(tmp.resolve("names/web"));
        assertThat(Files.readString(file)).isEqualTo("abc123");
    }

    @Test
    void claimingATakenNameFailsAndKeepsTheFirstOwner() throws IOException {
        ContainerNames names = names(SEED);
        names.claim("web", "first");

        assertThatThrownBy(() -> names.claim("web", "second")).isInstanceOf(EngineException.class)
                .hasMessage("the container name \"web\" is already in use");
        assertThat(Files.readString(tmp.resolve("names/web"))).isEqualTo("first");
    }

    @Test
    void claimValidatesTheNameBeforeCreatingAnything() {
        assertThatThrownBy(() -> names(SEED).claim("../escape", "id")).isInstanceOf(EngineException.class);
        assertThat(tmp.resolve("names")).doesNotExist();
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void claimRandomMakesAnAdjectiveScientistName() throws IOException {
        Path file = names(SEED).claimRandom("id");

        assertThat(nameOf(file)).matches("[a-z]+_[a-z]+");
        assertThat(Files.readString(file)).isEqualTo("id");
    }

    @Test
    void claimRandomIsDeterministicForASeed() {
        String first = nameOf(names(SEED).claimRandom("id"));
        Path otherDir = tmp.resolve("other");

        assertThat(nameOf(new ContainerNames(otherDir, new Random(SEED)).claimRandom("id"))).isEqualTo(first);
    }

    @Test
    void claimRandomNeverTakesANameInUse() throws IOException {
        Map<String, String> taken = fillWithSeededNames(40);

        // The same seed proposes the taken names again, in the same order.
        Path file = names(SEED).claimRandom("newcomer");

        assertThat(taken).doesNotContainKey(nameOf(file));
        assertThat(Files.readString(file)).isEqualTo("newcomer");
        for (Map.Entry<String, String> owner : taken.entrySet()) {
            assertThat(Files.readString(tmp.resolve("names").resolve(owner.getKey()))).isEqualTo(owner.getValue());
        }
    }

    @Test
    void claimRandomAppendsADigitAfterElevenTakenNamesInARow() {
        fillWithSeededNames(20);

        assertThat(nameOf(names(SEED).claimRandom("newcomer"))).matches("[a-z]+_[a-z]+[0-9]");
    }

    @Test
    void claimReportsAnUnusableNamesDirectoryAsAnIoError() throws IOException {
        Files.createFile(tmp.resolve("names"));

        assertThatThrownBy(() -> names(SEED).claim("web", "id")).isInstanceOf(UncheckedIOException.class);
    }
}
