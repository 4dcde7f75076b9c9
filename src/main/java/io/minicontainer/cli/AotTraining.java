package io.minicontainer.cli;

import io.minicontainer.sys.Libc;
import io.minicontainer.sys.SyscallException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The build's AOT training run (scripts/aot-train): the CLI's common paths, so that the JVM's AOT
 * cache holds their classes. A run stops just before execve, since an exec'd JVM writes no cache;
 * a failing execve then trains the native call itself.
 */
public final class AotTraining {
    private AotTraining() {}

    /** import of a tiny tarball (store, unpack, file calls), and a pull that cannot connect (HTTP client). */
    private static void trainImages(Main main, String scratch) {
        Path tarball = Path.of(scratch, "training.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(tarball))) {
            TarArchiveEntry file = new TarArchiveEntry("bin/true");
            byte[] content = "training\n".getBytes(StandardCharsets.US_ASCII);
            file.setSize(content.length);
            tar.putArchiveEntry(file);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            return;
        }
        String root = scratch + "/images-root";
        main.execute(List.of("--root", root, "import", tarball.toString(), "training:1"));
        main.execute(List.of("--root", root, "images"));
        main.execute(List.of("--root", root, "image", "inspect", "training:1"));
        main.execute(List.of("--root", root, "pull", "127.0.0.1:1/training:1"));
        main.execute(List.of("--root", root, "rmi", "training:1"));
    }

    /** {@code AotTraining SCRATCH containers|network|manage|images}: one cache per kind of command, each small. */
    public static void main(String[] args) {
        String scratch = args[0];
        String kind = args.length > 1 ? args[1] : "containers";
        if (kind.equals("images")) {
            trainImages(new Main(new PrintStream(OutputStream.nullOutputStream()),
                    new PrintStream(OutputStream.nullOutputStream()), Map.of()), scratch);
            return;
        }
        System.setProperty(io.minicontainer.runtime.Launcher.DRY_RUN_PROPERTY, "true");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        // a bridge and an nft table of the training's own, removed by scripts/aot-train
        Main main = new Main(discard, discard, Map.of("PATH", "/usr/bin:/bin", "MINICONTAINER_NETWORK", "none",
                "MINICONTAINER_CGROUP_PARENT", "minicontainer-aot-training", "MINICONTAINER_BRIDGE", "mcaot0",
                "MINICONTAINER_BRIDGE_SUBNET", "10.254.254.0/29", "MINICONTAINER_NFT_TABLE", "mcaot"));
        if (kind.equals("network")) {
            trainBridge(main, scratch);
            return;
        }
        main.execute(List.of("--root", scratch + "/root", "run", "--rm", "--explain", "-i", "-e", "A=1",
                "-w", "/tmp", "--name", "training", "-v", scratch + "/host:/host:ro", "-v", "training:/volume",
                "--tmpfs", "/tmp:size=1m", "--memory", "64m", "--cpus", "0.5", "--pids-limit", "50",
                "--rootfs", scratch + "/rootfs", "true"));
        if (kind.equals("manage")) {
            trainManagement(main, scratch + "/root");
        } else {
            rooted(main, scratch + "/root", List.of("exec", "training", "true")); // not running: the error path
            rooted(main, scratch + "/root", List.of("rm", "-f", "training"));
        }
        try {
            // the real downcall path, with a file that cannot be executed, so this JVM stays
            Libc.execve(scratch + "/not-a-program", List.of("x"), List.of());
        } catch (SyscallException expected) {
            // as intended
        }
    }

    /** A run on the bridge (netns, rtnetlink, IPAM, nft), in a cache of its own so that other runs do not load it. */
    private static void trainBridge(Main main, String scratch) {
        List<String> runRoot = List.of("--runroot", scratch + "/run");
        List<String> run = new java.util.ArrayList<>(runRoot);
        run.addAll(List.of("run", "--name", "training-net", "--network", "bridge", "-p", "80", "--rootfs",
                scratch + "/rootfs", "true"));
        rooted(main, scratch + "/root", run);
        List<String> rm = new java.util.ArrayList<>(runRoot);
        rm.addAll(List.of("rm", "-f", "training-net"));
        rooted(main, scratch + "/root", rm);
        try {
            Libc.execve(scratch + "/not-a-program", List.of("x"), List.of());
        } catch (SyscallException expected) {
            // the downcall trained, this JVM stays
        }
    }

    /** The commands that are not run: help, version, and the container created above, listed and removed. */
    private static void trainManagement(Main main, String root) {
        main.execute(List.of("--help"));
        main.execute(List.of("version"));
        main.execute(List.of("run", "--help"));
        main.execute(List.of("run", "--no-such-flag"));
        for (List<String> command : List.of(List.of("ps", "-a"), List.of("ps", "--format", "json"),
                List.of("inspect", "-f", "{{.State.Status}}", "training"), List.of("inspect", "training"),
                List.of("logs", "training"), List.of("stop", "training"), List.of("volume", "ls"),
                List.of("rm", "-f", "training"))) {
            rooted(main, root, command);
        }
    }

    private static void rooted(Main main, String root, List<String> command) {
        List<String> args = new java.util.ArrayList<>(List.of("--root", root));
        args.addAll(command);
        main.execute(args);
    }
}
