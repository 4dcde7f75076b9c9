package io.minicontainer.image.store;

import static io.minicontainer.image.store.Fixtures.names;
import static io.minicontainer.image.store.StoreChild.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs, as concurrent CLI processes are: locks must hold across processes, and a kill -9 must not hurt. */
class ConcurrentProcessTest {
    @TempDir
    Path root;
    private final List<Child> children = new ArrayList<>();

    /** A running {@link StoreChild} and its standard output, line by line. */
    private record Child(Process process, BufferedReader out) {
        String readLine() throws IOException {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("child exited early with " + waitForExit());
            }
            return line;
        }

        int waitForExit() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("child did not finish within 30 s");
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Child start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Child child = new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)));
        children.add(child);
        return child;
    }

    @AfterEach
    void killLeftovers() {
        children.forEach(child -> child.process().destroyForcibly());
    }

    @Test
    void twoProcessesWantingTheSameLayerUnpackItOnce() throws IOException {
        Path log = root.resolve("writes.log");
        Path go = root.resolve("go");
        Path store = root.resolve("images");
        Child first = start("ensure", store.toString(), log.toString(), go.toString());
        Child second = start("ensure", store.toString(), log.toString(), go.toString());
        assertThat(first.readLine()).isEqualTo("ready");
        assertThat(second.readLine()).isEqualTo("ready");

        Files.createFile(go);

        String firstDiff = first.readLine();
        String secondDiff = second.readLine();
        assertThat(first.waitForExit()).isZero();
        assertThat(second.waitForExit()).isZero();
        assertThat(Files.readAllLines(log)).as("pids of the processes that unpacked").hasSize(1);
        assertThat(secondDiff).isEqualTo(firstDiff);
        ImageStore images = new ImageStore(store);
        assertThat(Path.of(firstDiff)).isEqualTo(images.layerDiff(BASE.chainId()));
        assertThat(Path.of(firstDiff).resolve("base.txt")).hasContent("base");
        assertThat(names(store.resolve("tmp"))).isEmpty();
    }

    @Test
    void aPullKilledHalfWayLeavesOnlyTemporaryEntriesThatGarbageCollectionRemoves() throws IOException {
        Path store = root.resolve("images");
        Child child = start("hang", store.toString());
        assertThat(child.readLine()).isEqualTo("writing");
        ImageStore images = new ImageStore(store);

        assertThat(images.collectGarbage().tempsRemoved()).as("a live process's temporary entries").isZero();
        assertThat(names(store.resolve("tmp"))).hasSize(2);

        child.process().destroyForcibly();
        child.waitForExit();

        assertThat(images.hasLayer(BASE.chainId())).isFalse();
        assertThat(names(store.resolve("layers"))).isEmpty();
        assertThat(names(store.resolve("blobs/sha256"))).isEmpty();
        assertThat(images.collectGarbage().tempsRemoved()).isEqualTo(2);
        assertThat(names(store.resolve("tmp"))).isEmpty();
        assertThat(names(store.resolve("locks/tmp"))).isEmpty();
        AtomicInteger calls = new AtomicInteger();
        images.ensureLayer(BASE.chainId(), BASE, Fixtures.writer("base", calls));
        assertThat(calls).as("the dead process's layer lock is free again").hasValue(1);
    }
}
