package io.minicontainer.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of {@code --userns=auto} (docs/userns.md): the monitor, root on the host, writes the
 * id maps and prepares idmapped mounts before the container runs; the container attaches them.
 */
public sealed interface UsernsStep extends Step.Elsewhere {

    /** Monitor side: the container is cloned into a new user namespace mapping 0..size-1 to base.. on the host. */
    record Map(long base, long size) implements UsernsStep {
        public String describe(Plan plan) { return "map the user namespace's ids 0-" + (size - 1) + " to " + base; }
        public String command(Plan plan) { return "echo '0 " + base + " " + size + "' > /proc/$CONTAINER_PID/{uid,gid}_map"; }
        public int op() { return 106; }
        public List<String> args() { return List.of(Long.toString(base), Long.toString(size)); }
    }

    /** Monitor side: the overlay, made on the host over idmapped lower layers; tree index 0, 1... in plan order. */
    record IdmappedOverlay(List<String> lowerTopFirst, String upper, String work) implements UsernsStep {
        public IdmappedOverlay {
            lowerTopFirst = List.copyOf(lowerTopFirst);
        }

        public String describe(Plan plan) { return "make the overlay on idmapped layers"; }
        public String command(Plan plan) {
            return "mount -t overlay -o lowerdir=" + String.join(":", lowerTopFirst) + " (each idmapped),upperdir=" + upper
                    + ",workdir=" + work + " (detached)";
        }
        public int op() { return 107; }
        public List<String> args() {
            List<String> wire = new ArrayList<>(List.of(upper, work));
            wire.addAll(lowerTopFirst);
            return wire;
        }
    }

    /** Monitor side: a detached, idmapped copy of a host path (recursive or not) for a bind mount. */
    record IdmappedBind(String source, boolean recursive) implements UsernsStep {
        public String describe(Plan plan) { return "idmap " + source; }
        public String command(Plan plan) {
            return "open_tree(" + source + ", OPEN_TREE_CLONE" + (recursive ? "|AT_RECURSIVE" : "") + "); mount_setattr(IDMAP)";
        }
        public int op() { return 108; }
        public List<String> args() { return List.of(source, recursive ? "1" : "0"); }
    }

    /** Monitor side: the engine's network namespace, entered around the clone so the container starts in it. */
    record NetnsForClone(String path) implements UsernsStep {
        public String describe(Plan plan) { return "enter " + path + " for the clone"; }
        public String command(Plan plan) { return "nsenter --net=" + path + " clone(...)          # the monitor returns after"; }
        public int op() { return 109; }
        public List<String> args() { return List.of(path); }
    }

    /** Container side: root of the new user namespace (host uid base), before anything is created. */
    record BecomeRoot() implements UsernsStep {
        public String describe(Plan plan) { return "become root of the user namespace"; }
        public String command(Plan plan) { return "setgroups(0); setresgid(0, 0, 0); setresuid(0, 0, 0)"; }
        public int op() { return 41; }
        public List<String> args() { return List.of(); }
    }

    /** Container side: a tree the monitor prepared (by index) attached at target (move_mount). */
    record AttachTree(int index, String target) implements UsernsStep {
        public String describe(Plan plan) { return "attach idmapped mount on " + plan.inContainer(target); }
        public String command(Plan plan) { return "move_mount(tree " + index + ", " + plan.inContainer(target) + ")"; }
        public int op() { return 42; }
        public List<String> args() { return List.of(target, Integer.toString(index)); }
    }
}
