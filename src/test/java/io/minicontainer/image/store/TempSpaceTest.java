package io.minicontainer.image.store;

import static io.minicontainer.image.store.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempSpaceTest {
    @TempDir
    Path root;

    @Test
    void sweepingAllTheTimeNeverTakesAnEntryFromItsOwner() throws Exception {
        Files.createDirectories(root.resolve("tmp"));
        Files.createDirectories(root.resolve("locks"));
        TempSpace temps = new TempSpace(root.resolve("tmp"), root.resolve("locks"));
        AtomicBoolean owning = new AtomicBoolean(true);
        AtomicInteger lost = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
            Future<?> sweeper = threads.submit(() -> {
                while (owning.get()) {
                    sweep(temps);
                }
            });
            List<Future<?>> owners = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                owners.add(threads.submit(() -> ownEntries(temps, 300, lost)));
            }
            for (Future<?> owner : owners) {
                owner.get(60, TimeUnit.SECONDS);
            }
            owning.set(false);
            sweeper.get(60, TimeUnit.SECONDS);
        }

        assertThat(lost).hasValue(0);
        assertThat(names(root.resolve("tmp"))).isEmpty();
        assertThat(names(root.resolve("locks"))).isEmpty();
    }

    /** Creates entries one after the other, writes into each and counts the ones that vanished meanwhile. */
    private static void ownEntries(TempSpace temps, int count, AtomicInteger lost) {
        try {
            for (int i = 0; i < count; i++) {
                try (TempEntry entry = temps.create()) {
                    Files.createDirectories(entry.path().resolve("diff"));
                    Thread.onSpinWait();
                    if (!Files.isDirectory(entry.path().resolve("diff"))) {
                        lost.incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sweep(TempSpace temps) {
        try {
            temps.sweep();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
