package io.minicontainer.engine;

import io.minicontainer.state.ContainerStore;
import java.nio.file.Path;

/**
 * Where a container's files live; the only class that knows the on-disk layout.
 *
 * <pre>
 * ROOT/containers/ID/config.json    the OCI bundle's spec
 *                    launch.plan    what the helper executes (see docs/launch-plan.md)
 *                    rootfs/        the overlay is mounted here (inside the container's mount namespace only)
 *                    upper/ work/   the overlay's writable layer and its scratch directory
 *                    lower/N        links to the image's layers, when there are many
 *                    hostname hosts resolv.conf   bind-mounted onto /etc
 *                    container.json the record (docker's inspect shape); status: what the monitor last wrote
 *                    container.log  the output, as CRI records (rotated: .1, .2...)
 * ROOT/containers/.locks/ID         held by whoever changes the container
 * ROOT/names/NAME                   holds ID: created with O_EXCL, so a name is taken once
 * </pre>
 */
public record ContainerLayout(Path root, Path runRoot) {

    public Path containersDir() {
        return root.resolve("containers");
    }

    public Path containerDir(String id) {
        return containersDir().resolve(id);
    }

    public Path config(String id) {
        return containerDir(id).resolve("config.json");
    }

    public Path plan(String id) {
        return containerDir(id).resolve("launch.plan");
    }

    public Path rootfs(String id) {
        return containerDir(id).resolve("rootfs");
    }

    /** Short links to the image's layers, for images with many (see Engine#lowerDirs). */
    public Path lowerLinks(String id) {
        return containerDir(id).resolve("lower");
    }

    public Path upper(String id) {
        return containerDir(id).resolve("upper");
    }

    public Path work(String id) {
        return containerDir(id).resolve("work");
    }

    public Path etcFile(String id, String name) {
        return containerDir(id).resolve(name);
    }

    /** The bind mount that keeps a bridge container's network namespace while it is being set up and runs. */
    public Path netns(String id) {
        return runRoot.resolve("netns").resolve(id);
    }

    public Path log(String id) {
        return containerDir(id).resolve("container.log");
    }

    public ContainerStore containers() {
        return new ContainerStore(containersDir(), namesDir());
    }

    public Path namesDir() {
        return root.resolve("names");
    }

    public Path nameFile(String name) {
        return namesDir().resolve(name);
    }
}
