package io.minicontainer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --user} with the image's groups, {@code --group-add}, and files that keep their owners. */
class UserGroupsIT extends ContainerTest {
    @TempDir
    Path work;
    private Path image;

    /** A root file system whose passwd and group files name a user "app" and its groups. */
    @BeforeEach
    void createImage() throws IOException {
        image = BusyboxRootfs.create(Files.createDirectory(work.resolve("rootfs")));
        Files.createDirectories(image.resolve("etc"));
        Files.writeString(image.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n");
        Files.writeString(image.resolve("etc/group"), "root:x:0:\napp:x:1000:\nstaff:x:50:app\naudio:x:29:\n");
        chown(Files.writeString(image.resolve("owned"), "x"), 1234, 1234);
    }

    private Cli.Result runIn(String script, String... flags) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--rootfs", image.toString()));
        args.addAll(List.of(flags));
        args.addAll(List.of("sh", "-c", script));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void aUserGetsTheGroupsThatListItAndTheAddedOnes() { // the kernel keeps them sorted
        assertThat(runIn("id -u; id -g; id -G", "-u", "app").stdout()).isEqualTo("1000\n1000\n1000 50\n");
        Cli.Result added = runIn("id -G", "-u", "app", "--group-add", "audio", "--group-add", "4000");
        assertThat(added.stdout()).as(added.stderr()).isEqualTo("1000 29 50 4000\n");
        assertThat(runIn("id -G", "--group-add", "staff").stdout()).isEqualTo("0 50\n");
    }

    @Test
    void anUnknownGroupNameIsRefused() throws IOException {
        assertThat(runIn("true", "--group-add", "nosuch")).isEqualTo(new Cli.Result(125, "",
                "minicontainer: Unable to find group nosuch: no matching entries in group file\n"));
        assertThat(Leftovers.records(root)).isEmpty();
    }

    @Test
    void filesKeepTheirOwnersInTheImageAndInBinds() throws IOException {
        Path host = chown(Files.writeString(work.resolve("host-file"), "y"), 4321, 4322);
        Cli.Result result = runIn("stat -c '%u:%g' /owned /mnt/host-file", "-v", host + ":/mnt/host-file");
        assertThat(result.stdout()).as(result.stderr()).isEqualTo("1234:1234\n4321:4322\n");
    }

    @Test
    void execRunsWithTheContainersAddedGroups() {
        Cli.Result started = cli.run("run", "-d", "--group-add", "audio", "--rootfs", image.toString(), "sleep", "60");
        assertThat(started.exitCode()).as(started.stderr()).isZero();
        String id = started.stdout().strip();
        try {
            assertThat(cli.run("exec", id, "id", "-G").stdout()).isEqualTo("0 29\n");
            assertThat(cli.run("exec", "-u", "app", id, "id", "-G").stdout()).isEqualTo("1000 29 50\n");
        } finally {
            assertThat(cli.run("rm", "-f", id).exitCode()).isZero();
        }
    }

    private static Path chown(Path file, int uid, int gid) throws IOException {
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:gid", gid);
        return file;
    }
}
