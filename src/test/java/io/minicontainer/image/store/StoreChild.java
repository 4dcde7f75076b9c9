package io.minicontainer.image.store;

import io.minicontainer.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second CLI process for {@link ConcurrentProcessTest}: {@code ensure ROOT LOG GO} says "ready",
 * waits for the file GO, unpacks layer "base" (appending a line to LOG when it writes) and prints
 * the diff directory; {@code hang ROOT} starts a blob and unpacking "base", says "writing" and never
 * finishes.
 */
public final class StoreChild {
    static final LayerMeta BASE = new LayerMeta(Fixtures.diffId("base"), null, null);

    private StoreChild() {}

    public static void main(String[] args) throws Exception {
        ImageStore store = new ImageStore(Path.of(args[1]));
        switch (args[0]) {
            case "ensure" -> ensure(store, Path.of(args[2]), Path.of(args[3]));
            case "hang" -> hang(store);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void ensure(ImageStore store, Path log, Path go) throws Exception {
        say("ready");
        while (!Files.exists(go)) {
            Thread.sleep(5);
        }
        Path diff = store.ensureLayer(BASE.chainId(), BASE, dir -> {
            Files.writeString(log, ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            sleep(300); // long enough for the other process to be waiting on the lock
            Files.writeString(dir.resolve("base.txt"), "base");
            return BASE.diffId();
        });
        say(diff.toString());
    }

    private static void hang(ImageStore store) throws IOException {
        BlobWriter download = store.newBlob();
        download.write(new byte[4096]);
        download.flush();
        store.ensureLayer(BASE.chainId(), BASE, dir -> {
            Files.writeString(dir.resolve("half"), "written before the kill");
            say("writing");
            sleep(Long.MAX_VALUE);
            return Digest.of(new byte[0]);
        });
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
