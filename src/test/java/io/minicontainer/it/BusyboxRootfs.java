package io.minicontainer.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal root file system made from Debian's static busybox: /bin/busybox plus a relative
 * link per applet (absolute links would point at the host's busybox path), and a few data files.
 */
final class BusyboxRootfs {
    static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {}

    static Path create(Path dir) throws IOException {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new IllegalStateException("integration tests need a static /bin/busybox (apt-get install busybox-static)");
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        for (String applet : applets()) {
            if (!applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Files.createDirectories(dir.resolve("data/dir"));
        Files.writeString(dir.resolve("data/file.txt"), "original\n");
        Files.writeString(dir.resolve("data/dir/inner.txt"), "inner\n");
        return dir;
    }

    private static List<String> applets() throws IOException {
        Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
        try {
            List<String> names = new String(list.getInputStream().readAllBytes()).lines().toList();
            list.waitFor();
            return names;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
