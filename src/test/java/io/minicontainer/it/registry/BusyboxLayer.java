package io.minicontainer.it.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The busybox image's only layer: the host's static /bin/busybox with a RELATIVE link per applet
 * (an absolute one would point at the host's path), users root, nobody and app (1000:1000), groups
 * root, nogroup, app and extra (2000, with app as a member), /tmp (1777), /root and /home/app.
 */
public final class BusyboxLayer {
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    public static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            nobody:x:65534:65534:nobody:/nonexistent:/bin/false
            app:x:1000:1000:app:/home/app:/bin/sh
            """;
    public static final String GROUP = """
            root:x:0:
            nogroup:x:65534:
            app:x:1000:
            extra:x:2000:app
            """;

    private static byte[] busybox;
    private static List<String> applets;

    private BusyboxLayer() {}

    public static TarBuilder tar() {
        TarBuilder tar = new TarBuilder().dir("bin", 0755).file("bin/busybox", busybox(), 0755);
        for (String applet : applets()) {
            tar.symlink("bin/" + applet, "busybox");
        }
        return tar.dir("etc", 0755).file("etc/group", GROUP, 0644).file("etc/passwd", PASSWD, 0644)
                .dir("home", 0755).dir("home/app", 0755, 1000, 1000).dir("root", 0700).dir("tmp", 01777);
    }

    /** The tree this layer alone gives. */
    public static Map<String, TreeEntry> expectedEntries() {
        Map<String, TreeEntry> tree = new TreeMap<>();
        tree.put("/bin", TreeEntry.dir(0755));
        tree.put("/bin/busybox", TreeEntry.file(0755, busybox().length));
        applets().forEach(applet -> tree.put("/bin/" + applet, TreeEntry.symlink("busybox")));
        tree.put("/etc", TreeEntry.dir(0755));
        tree.put("/etc/group", TreeEntry.file(0644, GROUP.getBytes(StandardCharsets.UTF_8).length));
        tree.put("/etc/passwd", TreeEntry.file(0644, PASSWD.getBytes(StandardCharsets.UTF_8).length));
        tree.put("/home", TreeEntry.dir(0755));
        tree.put("/home/app", TreeEntry.dir(0755, 1000, 1000));
        tree.put("/root", TreeEntry.dir(0700));
        tree.put("/tmp", TreeEntry.dir(01777));
        return tree;
    }

    /** Every applet name but busybox itself, as {@code busybox --list} prints them. */
    public static synchronized List<String> applets() {
        if (applets == null) {
            String list = ManagedProcess.run(List.of(BUSYBOX.toString(), "--list"), Path.of("/"), Map.of(), 30);
            applets = list.lines().filter(name -> !name.isBlank() && !name.equals("busybox")).sorted().toList();
        }
        return applets;
    }

    private static synchronized byte[] busybox() {
        if (busybox == null) {
            if (!Files.isExecutable(BUSYBOX)) {
                throw new IllegalStateException("the test images need a static " + BUSYBOX + " (apt-get install busybox-static)");
            }
            try {
                busybox = Files.readAllBytes(BUSYBOX);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return busybox;
    }
}
