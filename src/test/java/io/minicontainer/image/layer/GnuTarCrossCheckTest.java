package io.minicontainer.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicontainer.sys.FileCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An independent check: a realistic busybox layer unpacked here and by GNU tar gives the same tree. */
class GnuTarCrossCheckTest {
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Instant T1 = Instant.parse("2023-02-03T04:05:06.123456700Z");
    private static final Instant T2 = Instant.parse("2022-12-31T23:59:59Z");

    @TempDir
    Path work;

    @BeforeEach
    void needs() {
        Layers.assumeRoot();
        assumeTrue(Files.isExecutable(BUSYBOX), "needs /bin/busybox (busybox-static)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")), "needs GNU tar");
    }

    @Test
    void sameTreeAsGnuTar() throws Exception {
        Path tar = Files.write(work.resolve("layer.tar"), busyboxLayer());
        Path ours = Files.createDirectory(work.resolve("ours"));
        Path gnu = Files.createDirectory(work.resolve("gnu"));

        Layers.unpack(Files.readAllBytes(tar), ours);
        // -P: GNU tar would otherwise create links with ".." at the end, after the directories' times
        run("tar", "-xpPf", tar.toString(), "-C", gnu.toString(), "--numeric-owner", "--xattrs", "--xattrs-include=*");

        Map<String, String> expected = describe(gnu);
        Map<String, String> actual = describe(ours);
        assertThat(expected).hasSizeGreaterThan(270);
        assertThat(differences(actual, expected)).isEmpty();
        for (Path root : List.of(ours, gnu)) {
            assertThat(FileCalls.lgetxattr(root.resolve("etc/motd"), "user.mime_type")).asString().isEqualTo("text/plain");
        }
    }

    /**
     * busybox, its applets as relative symlinks where busybox installs them, and a small /etc, /dev,
     * /home; in directory order, as {@code tar c} writes (GNU tar sets a directory's times once
     * it has left it, so an archive out of that order would change its times).
     */
    private static byte[] busyboxLayer() throws Exception {
        Map<String, List<String>> applets = applets();
        TarBuilder tar = new TarBuilder()
                .dir("./", e -> e.setLastModifiedTime(FileTime.from(T2)))
                .dir("bin", e -> e.setLastModifiedTime(FileTime.from(T1)))
                .file("bin/busybox", Files.readAllBytes(BUSYBOX), e -> e.setMode(0755))
                .hardLink("bin/bb", "bin/busybox")
                .hardLink("bin/su", "bin/busybox"); // replaced by the applet's symlink below
        appletLinks(tar, applets.get("bin"));
        appletLinks(tar.dir("sbin"), applets.get("sbin"));
        appletLinks(tar.dir("usr").dir("usr/bin"), applets.get("usr/bin"));
        appletLinks(tar.dir("usr/sbin"), applets.get("usr/sbin"));
        return tar
                .dir("usr/lib")
                .file("usr/lib/setuid-helper", "setuid", e -> e.setMode(04755))
                .file("usr/lib/setgid-helper", "setgid", e -> {
                    e.setMode(02755);
                    e.setIds(0, 102);
                })
                .dir("etc", e -> e.setLastModifiedTime(FileTime.from(T1)))
                .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                .file("etc/shadow", "root:*:19000:0:99999:7:::\n", e -> {
                    e.setMode(0640);
                    e.setIds(0, 42);
                })
                .file("etc/motd", "welcome\n", e -> e.addPaxHeader("SCHILY.xattr.user.mime_type", "text/plain"))
                .dir("tmp", e -> e.setMode(01777))
                .dir("home").dir("home/user", e -> {
                    e.setMode(0700);
                    e.setIds(1000, 1000);
                    e.setLastModifiedTime(FileTime.from(T2));
                })
                .file("home/user/.profile", "PS1='$ '\n", e -> e.setIds(1000, 1000))
                .symlink("home/user/shell", "/bin/sh", e -> e.setIds(1000, 1000))
                .dir("dev")
                .node("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
                .node("dev/loop0", TarConstants.LF_BLK, 7, 0, 0660)
                .node("dev/initctl", TarConstants.LF_FIFO, 0, 0, 0600)
                .symlink("linuxrc", "bin/busybox")
                .build();
    }

    private static void appletLinks(TarBuilder tar, List<String> names) {
        for (String applet : names) {
            tar.symlink(applet, "../".repeat(applet.split("/").length - 1) + "bin/busybox");
        }
    }

    /** busybox's applets by directory: bin/ls, usr/bin/env... */
    private static Map<String, List<String>> applets() throws Exception {
        return run(BUSYBOX.toString(), "--list-full").lines()
                .filter(name -> name.contains("/") && !name.equals("bin/busybox"))
                .collect(Collectors.groupingBy(EntryNames::parent));
    }

    /** Every path with its type and mode, owner, size (not for directories), device, links and times. */
    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Map<String, Object> unix = Layers.unix(path);
                boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                String link = Files.isSymbolicLink(path) ? " -> " + Files.readSymbolicLink(path) : "";
                tree.put(root.relativize(path).toString(), String.format("%o %s:%s size=%s rdev=%s nlink=%s mtime=%s%s",
                        unix.get("mode"), unix.get("uid"), unix.get("gid"), directory ? "-" : unix.get("size"),
                        unix.get("rdev"), directory ? "-" : unix.get("nlink"), unix.get("lastModifiedTime"), link));
            }
        }
        return tree;
    }

    /** Only what differs, so that a failure does not print 300 paths. */
    private static List<String> differences(Map<String, String> actual, Map<String, String> expected) {
        Set<String> paths = new TreeSet<>(actual.keySet());
        paths.addAll(expected.keySet());
        return paths.stream()
                .filter(path -> !Objects.equals(actual.get(path), expected.get(path)))
                .map(path -> path + ": ours " + actual.get(path) + ", GNU tar " + expected.get(path))
                .toList();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
