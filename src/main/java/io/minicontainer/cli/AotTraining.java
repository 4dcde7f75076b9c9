package io.minicontainer.cli;

import io.minicontainer.sys.Libc;
import io.minicontainer.sys.SyscallException;
import java.io.OutputStream;
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

    public static void main(String[] args) {
        String scratch = args[0];
        System.setProperty(io.minicontainer.runtime.Launcher.DRY_RUN_PROPERTY, "true");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Main main = new Main(discard, discard, Map.of("PATH", "/usr/bin:/bin"));
        main.execute(List.of("--help"));
        main.execute(List.of("version"));
        main.execute(List.of("run", "--help"));
        main.execute(List.of("run", "--no-such-flag"));
        main.execute(List.of("--root", scratch + "/root", "run", "--rm", "--explain", "-i", "-e", "A=1",
                "-w", "/tmp", "--name", "training", "--rootfs", scratch + "/rootfs", "true"));
        try {
            // the real downcall path, with a file that cannot be executed, so this JVM stays
            Libc.execve(scratch + "/not-a-program", List.of("x"), List.of());
        } catch (SyscallException expected) {
            // as intended
        }
    }
}
