package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.engine.ImageRunConfig.Overrides;
import io.minicontainer.oci.ImageSpec.RunConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker's entrypoint/command matrix (exec form): the documented table for images with and
 * without ENTRYPOINT and CMD, crossed with {@code run IMAGE [COMMAND]} and {@code --entrypoint}.
 */
class ImageRunConfigArgsTest {
    private static final List<String> ENTRYPOINT = List.of("/entry", "p1");
    private static final List<String> CMD = List.of("c1", "c2");
    private static final List<String> COMMAND = List.of("x", "y");
    private static final List<String> ERROR = List.of();

    private static RunConfig image(List<String> entrypoint, List<String> cmd) {
        return new RunConfig("", List.of(), entrypoint, cmd, "", List.of(), Map.of(), "");
    }

    private static Overrides run(List<String> command, Optional<String> entrypoint) {
        return new Overrides(command, entrypoint, List.of(), Optional.empty(), Optional.empty());
    }

    private static final RunConfig ONLY_CMD = image(null, CMD);
    private static final RunConfig ONLY_ENTRYPOINT = image(ENTRYPOINT, null);
    private static final RunConfig BOTH = image(ENTRYPOINT, CMD);
    private static final RunConfig NEITHER = image(null, null);
    private static final RunConfig EMPTY_LISTS = image(List.of(), List.of());

    private static final Overrides NOTHING = run(List.of(), Optional.empty());
    private static final Overrides WITH_COMMAND = run(COMMAND, Optional.empty());
    private static final Overrides WITH_ENTRYPOINT = run(List.of(), Optional.of("/bin/my ep"));
    private static final Overrides WITH_ENTRYPOINT_AND_COMMAND = run(COMMAND, Optional.of("/bin/my ep"));
    private static final Overrides CLEARED_ENTRYPOINT = run(List.of(), Optional.of(""));
    private static final Overrides CLEARED_ENTRYPOINT_AND_COMMAND = run(COMMAND, Optional.of(""));

    static Stream<Arguments> matrix() {
        return Stream.of(
                // docker run IMAGE: the documented table
                Arguments.of("cmd only", ONLY_CMD, NOTHING, List.of("c1", "c2")),
                Arguments.of("entrypoint only", ONLY_ENTRYPOINT, NOTHING, List.of("/entry", "p1")),
                Arguments.of("both", BOTH, NOTHING, List.of("/entry", "p1", "c1", "c2")),
                Arguments.of("neither", NEITHER, NOTHING, ERROR),
                Arguments.of("empty lists", EMPTY_LISTS, NOTHING, ERROR),
                // docker run IMAGE x y: the command replaces Cmd, never the entrypoint
                Arguments.of("cmd only + command", ONLY_CMD, WITH_COMMAND, List.of("x", "y")),
                Arguments.of("entrypoint only + command", ONLY_ENTRYPOINT, WITH_COMMAND, List.of("/entry", "p1", "x", "y")),
                Arguments.of("both + command", BOTH, WITH_COMMAND, List.of("/entry", "p1", "x", "y")),
                Arguments.of("neither + command", NEITHER, WITH_COMMAND, List.of("x", "y")),
                // --entrypoint E: one argument, and the image's Cmd is dropped
                Arguments.of("cmd only + entrypoint", ONLY_CMD, WITH_ENTRYPOINT, List.of("/bin/my ep")),
                Arguments.of("entrypoint only + entrypoint", ONLY_ENTRYPOINT, WITH_ENTRYPOINT, List.of("/bin/my ep")),
                Arguments.of("both + entrypoint", BOTH, WITH_ENTRYPOINT, List.of("/bin/my ep")),
                Arguments.of("neither + entrypoint", NEITHER, WITH_ENTRYPOINT, List.of("/bin/my ep")),
                Arguments.of("both + entrypoint + command", BOTH, WITH_ENTRYPOINT_AND_COMMAND,
                        List.of("/bin/my ep", "x", "y")),
                Arguments.of("neither + entrypoint + command", NEITHER, WITH_ENTRYPOINT_AND_COMMAND,
                        List.of("/bin/my ep", "x", "y")),
                // --entrypoint "": no entrypoint, and still no image Cmd
                Arguments.of("cmd only + cleared entrypoint", ONLY_CMD, CLEARED_ENTRYPOINT, ERROR),
                Arguments.of("entrypoint only + cleared entrypoint", ONLY_ENTRYPOINT, CLEARED_ENTRYPOINT, ERROR),
                Arguments.of("both + cleared entrypoint", BOTH, CLEARED_ENTRYPOINT, ERROR),
                Arguments.of("neither + cleared entrypoint", NEITHER, CLEARED_ENTRYPOINT, ERROR),
                Arguments.of("both + cleared entrypoint + command", BOTH, CLEARED_ENTRYPOINT_AND_COMMAND,
                        List.of("x", "y")),
                Arguments.of("entrypoint only + cleared entrypoint + command", ONLY_ENTRYPOINT,
                        CLEARED_ENTRYPOINT_AND_COMMAND, List.of("x", "y")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void argsFollowDockersMatrix(String name, RunConfig image, Overrides overrides, List<String> expected) {
        if (expected.isEmpty()) {
            assertThatThrownBy(() -> ImageRunConfig.args(image, overrides)).isInstanceOf(EngineException.class)
                    .hasMessage("no command specified");
        } else {
            assertThat(ImageRunConfig.args(image, overrides)).isEqualTo(expected);
        }
    }
}
