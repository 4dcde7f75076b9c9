package io.minicontainer.runtime;

import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_NODEV;
import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_NOEXEC;
import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_NOSUID;
import static io.minicontainer.runtime.MountAttributes.MOUNT_ATTR_RDONLY;
import static io.minicontainer.runtime.MountOptions.MS_BIND;
import static io.minicontainer.runtime.MountOptions.MS_REC;
import static io.minicontainer.runtime.MountOptions.MS_REMOUNT;

import io.minicontainer.oci.Spec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How {@code --userns=auto} changes a launch plan (docs/userns.md). The spec names the user
 * namespace and carries the host range's first id in an annotation; the monitor writes the maps,
 * makes the overlay over idmapped layers and idmapped copies of every bind source, and the
 * container attaches them (tree 0, 1... in plan order), since it may not mount host paths itself.
 */
public final class UsernsPlan {
    /** The first host id of the container's range: container ids 0..{@link #SIZE}-1 map to it onwards. */
    public static final String ANNOTATION = "org.minicontainer.userns";
    static final long SIZE = 65536;

    private final long base;
    private final List<Step> steps;
    private int trees;

    private UsernsPlan(long base, List<Step> steps) {
        this.base = base;
        this.steps = steps;
    }

    /** Present when the spec has a user namespace; its annotation must then say the range. */
    static Optional<UsernsPlan> of(Spec spec, List<Step> steps) {
        boolean wanted = spec.linux().namespaces().stream().anyMatch(ns -> ns.type().equals(Namespace.USER.specName()));
        if (!wanted) {
            return Optional.empty();
        }
        String value = spec.annotations().getOrDefault(ANNOTATION, "");
        if (!value.matches("[0-9]{1,10}")) {
            throw new SpecException("linux.namespaces: a user namespace needs annotation " + ANNOTATION + " (its first host id)");
        }
        if (spec.mounts().isEmpty() || !spec.mounts().getFirst().type().equals("overlay")
                || !spec.mounts().getFirst().destination().equals("/")) {
            throw new SpecException("mounts: with a user namespace, the first mount must be the overlay on /");
        }
        if (!spec.linux().devices().isEmpty()) {
            throw new SpecException("--device is not supported with --userns=auto (no device nodes can be made in it)");
        }
        return Optional.of(new UsernsPlan(Long.parseLong(value), steps));
    }

    /** The maps; a network namespace the engine prepared is entered by the monitor around the clone. */
    void monitorSide(Optional<String> joinedNetwork) {
        steps.add(new UsernsStep.Map(base, SIZE));
        joinedNetwork.ifPresent(path -> steps.add(new UsernsStep.NetnsForClone(path)));
    }


    /** The overlay's data: {@code lowerdir=A:B,upperdir=U,workdir=W}. */
    void overlay(String data, String target) {
        List<String> lower = List.of();
        String upper = "";
        String work = "";
        for (String option : data.split(",")) {
            if (option.startsWith("lowerdir=")) {
                lower = Arrays.asList(option.substring("lowerdir=".length()).split(":"));
            } else if (option.startsWith("upperdir=")) {
                upper = option.substring("upperdir=".length());
            } else if (option.startsWith("workdir=")) {
                work = option.substring("workdir=".length());
            } else {
                throw new SpecException("mounts: overlay option " + option + " is not supported with a user namespace");
            }
        }
        steps.add(new UsernsStep.IdmappedOverlay(lower, upper, work));
        steps.add(new UsernsStep.AttachTree(trees++, target));
        steps.add(new UsernsStep.BecomeRoot()); // what is created from here on is the container root's
    }

    /** A bind of a host path, idmapped; the flags a bind ignores take a remount, as without a user namespace. */
    void bind(String source, String target, MountOptions parsed) {
        steps.add(new UsernsStep.IdmappedBind(source, (parsed.flags() & MS_REC) != 0));
        steps.add(new UsernsStep.AttachTree(trees++, target));
        long rest = parsed.flags() & ~(MS_BIND | MS_REC);
        if (rest != 0) {
            steps.add(new Step.Mount("", target, "", rest | MS_BIND | MS_REMOUNT, ""));
        }
    }

    /** sysfs may only be mounted by the owner of the network namespace: in the engine's or the host's, the host's /sys. */
    void hostSys(String target) {
        steps.add(new Step.Mount("/sys", target, "", MS_BIND | MS_REC, ""));
        steps.add(new Step.SetMountAttributes(target,
                MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC, 0));
    }

    /** mknod is refused in a user namespace: the host's node is bound on an empty file instead. */
    void device(String name, String target) {
        steps.add(new Step.Touch(target, 0666));
        steps.add(new Step.Mount("/dev/" + name, target, "", MS_BIND, ""));
    }
}
