package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvVarsTest {
    private static final Map<String, String> CALLER = Map.of("TERM", "xterm", "LANG", "C.UTF-8");

    @TempDir
    Path tmp;

    private Path envFile(String text) throws IOException {
        return Files.writeString(tmp.resolve("app.env"), text);
    }

    @Test
    void optionWithAValueIsTakenAsIs() {
        assertThat(EnvVars.parseOption("K=V", CALLER)).contains("K=V");
    }

    @Test
    void optionValueMayBeEmptyOrContainEqualsSigns() {
        assertThat(EnvVars.parseOption("K=", CALLER)).contains("K=");
        assertThat(EnvVars.parseOption("K=a=b", CALLER)).contains("K=a=b");
    }

    @Test
    void optionWithANameOnlyTakesTheCallersValue() {
        assertThat(EnvVars.parseOption("TERM", CALLER)).contains("TERM=xterm");
    }

    @Test
    void optionWithANameTheCallerDoesNotHaveIsDropped() {
        assertThat(EnvVars.parseOption("UNSET", CALLER)).isEmpty();
    }

    @Test
    void optionWithoutANameIsAnError() {
        assertThatThrownBy(() -> EnvVars.parseOption("=x", CALLER)).isInstanceOf(EngineException.class)
                .hasMessage("invalid environment variable: =x");
    }

    @Test
    void envFileSkipsCommentsAndBlankLines() throws IOException {
        Path file = envFile("# a comment\n\nA=1\n   \n  # indented comment\nB=2\n");

        assertThat(EnvVars.parseFile(file, CALLER)).containsExactly("A=1", "B=2");
    }

    @Test
    void envFileStripsLeadingWhitespaceButKeepsTheValueVerbatim() throws IOException {
        Path file = envFile("  A= spaced value \n");

        assertThat(EnvVars.parseFile(file, CALLER)).containsExactly("A= spaced value ");
    }

    @Test
    void envFileNameAloneTakesTheCallersValueOrIsDropped() throws IOException {
        Path file = envFile("TERM\nUNSET\nLANG  \n");

        assertThat(EnvVars.parseFile(file, CALLER)).containsExactly("TERM=xterm", "LANG=C.UTF-8");
    }

    @Test
    void envFileNameWithWhitespaceIsAnErrorNamingFileAndLine() throws IOException {
        Path file = envFile("A=1\n# fine\nMY VAR=2\n");

        assertThatThrownBy(() -> EnvVars.parseFile(file, CALLER)).isInstanceOf(EngineException.class)
                .hasMessage(file + ":3: variable 'MY VAR' contains whitespaces");
    }

    @Test
    void missingEnvFileIsAnErrorLikeDockers() {
        Path missing = tmp.resolve("nope.env");

        assertThatThrownBy(() -> EnvVars.parseFile(missing, CALLER)).isInstanceOf(EngineException.class)
                .hasMessage("open " + missing + ": no such file or directory");
    }

    @Test
    void putKeepsInsertionOrder() {
        assertThat(new EnvVars().put("B=2").put("A=1").toList()).containsExactly("B=2", "A=1");
    }

    @Test
    void putReplacesAnEarlierValueInPlace() {
        EnvVars env = new EnvVars().put("PATH=/bin").put("HOSTNAME=h").put("PATH=/opt/bin");

        assertThat(env.toList()).containsExactly("PATH=/opt/bin", "HOSTNAME=h");
    }

    @Test
    void putSplitsAtTheFirstEqualsSign() {
        assertThat(new EnvVars().put("OPTS=a=b").toList()).containsExactly("OPTS=a=b");
    }

    @Test
    void putIfAbsentAddsAMissingName() {
        assertThat(new EnvVars().put("A=1").putIfAbsent("HOME", "/root").toList())
                .containsExactly("A=1", "HOME=/root");
    }

    @Test
    void putIfAbsentKeepsAnExistingValue() {
        assertThat(new EnvVars().put("HOME=/home/me").putIfAbsent("HOME", "/root").toList())
                .containsExactly("HOME=/home/me");
    }
}
