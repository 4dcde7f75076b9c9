package io.minicontainer.runtime;

import io.minicontainer.oci.Spec;
import io.minicontainer.sys.Libc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Starts a container (or one more process in a running one): compiles the spec, writes the plan
 * next to the bundle, and replaces this JVM with the helper. Never returns normally (except in a
 * dry run).
 */
public final class Launcher {
    /** Set by the build's AOT training run: do everything but the final execve. */
    public static final String DRY_RUN_PROPERTY = "minicontainer.dryRun";

    private final Path helper;

    public Launcher(Path helper) {
        this.helper = helper;
    }

    public Plan compile(Spec spec, LaunchOptions options) {
        return PlanCompiler.compile(spec, options, Host.real());
    }

    public Plan compileExec(Spec spec, ExecOptions options) {
        return PlanCompiler.compileExec(spec, options);
    }

    public Plan compileAttach(String socket, boolean terminal, AttachOptions attach, String planFile) {
        return PlanCompiler.compileAttach(socket, terminal, attach, planFile);
    }

    /** The helper's exit code is the container's; the calling JVM is gone once this succeeds. */
    public void exec(Plan plan, Path planFile) {
        handOver("run", plan, planFile);
    }

    /**
     * {@code exec}: the helper joins the running container and its exit code is the new process's.
     * The plan file must not exist yet; the helper removes it once read.
     */
    public void execIn(Plan plan, Path planFile) {
        handOver("exec", plan, planFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * {@code attach}: the helper becomes a client of the container's monitor; its exit code is the container's
     * (0 on a detach). The plan file must not exist yet; the helper removes it once read.
     */
    public void attach(Plan plan, Path planFile) {
        handOver("attach", plan, planFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Runs the helper as a child sharing our stdio; its exit code (for detached plans: 0 once running). */
    public int spawn(Plan plan, Path planFile) {
        write(plan, planFile);
        System.out.flush();
        try {
            return new ProcessBuilder(helper.toString(), "run", planFile.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("start " + helper + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a container", e);
        }
    }

    private void handOver(String mode, Plan plan, Path planFile, OpenOption... writeOptions) {
        write(plan, planFile, writeOptions);
        System.out.flush();
        System.err.flush();
        if (Boolean.getBoolean(DRY_RUN_PROPERTY)) {
            return;
        }
        Libc.execve(helper.toString(), List.of("minicontainer-helper", mode, planFile.toString()), List.of());
    }

    private void write(Plan plan, Path planFile, OpenOption... writeOptions) {
        if (!Files.isExecutable(helper)) {
            throw new IllegalStateException("helper " + helper + " is missing or not executable: run make build");
        }
        try {
            Files.write(planFile, PlanEncoder.encode(plan), writeOptions);
        } catch (IOException e) {
            throw new UncheckedIOException("write launch plan " + planFile + ": " + e.getMessage(), e);
        }
    }
}
