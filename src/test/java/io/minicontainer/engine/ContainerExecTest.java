package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.cgroups.Cgroups;
import io.minicontainer.runtime.Launcher;
import io.minicontainer.state.ContainerRecord;
import io.minicontainer.state.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exec's refusals, all before the helper is reached: one line each, nothing written. */
class ContainerExecTest {
    private static final String ID = "ab".repeat(32);

    @TempDir
    Path root;
    private ContainerLayout layout;
    private Engine engine;

    @BeforeEach
    void anExitedContainer() throws IOException {
        layout = new ContainerLayout(root, root.resolve("run"));
        Files.createDirectories(layout.containerDir(ID));
        layout.containers().writeRecord(new ContainerRecord(Map.of("Id", ID, "Name", "done",
                "Created", "2026-01-01T00:00:00Z")));
        Files.writeString(layout.containerDir(ID).resolve("status"), "state=exited\nexit_code=0\n");
        Files.createDirectories(layout.namesDir());
        Files.writeString(layout.nameFile("done"), ID);
        engine = new Engine(layout, new Launcher(root.resolve("no-helper")), Map.of(),
                Cgroups.fromMountinfo("", "unused"));
    }

    private static ExecRequest request(String container, Optional<String> workdir, String... command) {
        return new ExecRequest(container, List.of(), List.of(), workdir, Optional.empty(), false, false, List.of(command));
    }

    @Test
    void anUnknownContainerIsNamed() {
        assertThatThrownBy(() -> engine.exec(request("nope", Optional.empty(), "true")))
                .isInstanceOf(StateException.class).hasMessage("no such container: nope");
    }

    @Test
    void aContainerThatIsNotRunningIsRefusedWithItsFullId() {
        assertThatThrownBy(() -> engine.exec(request("done", Optional.empty(), "true")))
                .isInstanceOf(EngineException.class).hasMessage("container " + ID + " is not running");
        assertThatThrownBy(() -> engine.exec(request("abab", Optional.empty(), "true")))
                .hasMessage("container " + ID + " is not running");
    }

    @Test
    void aCommandIsNeeded() {
        assertThatThrownBy(() -> engine.exec(request("done", Optional.empty())))
                .isInstanceOf(EngineException.class).hasMessage("no exec command specified");
    }

    @Test
    void aRelativeWorkingDirectoryIsRefused() {
        assertThatThrownBy(() -> engine.exec(request("done", Optional.of("tmp"), "true")))
                .isInstanceOf(EngineException.class)
                .hasMessage("the working directory 'tmp' is invalid, it needs to be an absolute path");
    }
}
