package io.minicontainer.engine.mount;

import io.minicontainer.engine.EngineException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import static java.util.Map.entry;

/**
 * tmpfs options as docker takes them: its defaults (noexec, nosuid, nodev) first, the user's after;
 * of two options of one kind (ro and rw, exec and noexec, two sizes) the later wins. Only what the
 * kernel's tmpfs understands passes, so a typo is an error here rather than at mount time.
 */
public final class TmpfsOptions {
    static final List<String> DEFAULTS = List.of("noexec", "nosuid", "nodev");

    /** Flag options by the kind they set or clear (docker's moby/sys/mount table, the subset a tmpfs takes). */
    private static final Map<String, String> FLAG_KINDS = Map.ofEntries(
            entry("ro", "rdonly"), entry("rw", "rdonly"), entry("suid", "nosuid"), entry("nosuid", "nosuid"),
            entry("dev", "nodev"), entry("nodev", "nodev"), entry("exec", "noexec"), entry("noexec", "noexec"),
            entry("sync", "sync"), entry("async", "sync"), entry("dirsync", "dirsync"),
            entry("atime", "noatime"), entry("noatime", "noatime"), entry("diratime", "nodiratime"),
            entry("nodiratime", "nodiratime"), entry("relatime", "relatime"), entry("norelatime", "relatime"),
            entry("strictatime", "strictatime"), entry("nostrictatime", "strictatime"),
            entry("private", "propagation"), entry("rprivate", "propagation"));
    private static final Set<String> DATA_KEYS = Set.of("size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");
    private static final Pattern KERNEL_SIZE = Pattern.compile("\\d+[kKmMgGtTpPeE]?|\\d+%");
    private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");

    private TmpfsOptions() {}

    /** {@code --tmpfs /path[:options]}. */
    public static MountRequest.Tmpfs parseFlag(String value) {
        int colon = value.indexOf(':');
        String target = colon < 0 ? value : value.substring(0, colon);
        MountPaths.targetProblem(target).ifPresent(problem -> {
            throw new EngineException(problem);
        });
        List<String> options = new ArrayList<>(DEFAULTS);
        if (colon >= 0 && colon < value.length() - 1) {
            options.addAll(List.of(value.substring(colon + 1).split(",", -1)));
        }
        return new MountRequest.Tmpfs(MountPaths.clean(target), merge(options));
    }

    /** docker's MergeTmpfsOptions: one option of each kind, the last one given, in the order given. */
    static List<String> merge(List<String> options) {
        Set<String> seenKinds = new HashSet<>();
        List<String> merged = new ArrayList<>();
        for (String option : options.reversed()) {
            if (option.equals("defaults")) {
                continue;
            }
            String kind = kind(option);
            if (seenKinds.add(kind)) {
                merged.addFirst(normalized(option));
            }
        }
        return merged;
    }

    private static String kind(String option) {
        if (FLAG_KINDS.containsKey(option)) {
            return FLAG_KINDS.get(option);
        }
        if (List.of("shared", "rshared", "slave", "rslave").contains(option)) {
            throw new EngineException(MountPropagation.unsupported(option));
        }
        int eq = option.indexOf('=');
        if (eq < 0 || !DATA_KEYS.contains(option.substring(0, eq))) {
            throw invalid(option);
        }
        return "data:" + option.substring(0, eq);
    }

    /** Sizes in docker's units (64MB, 1.5g) become the kernel's; a mode must be octal. */
    private static String normalized(String option) {
        int eq = option.indexOf('=');
        String value = eq < 0 ? "" : option.substring(eq + 1);
        if (option.startsWith("size=") && !KERNEL_SIZE.matcher(value).matches()) {
            return "size=" + ByteSize.kernelForm(ByteSize.parse(value).orElseThrow(() -> invalid(option)));
        }
        if (option.startsWith("mode=") && !OCTAL.matcher(value).matches()) {
            throw invalid(option);
        }
        return option;
    }

    /** docker prints the option split at '=' as a Go string slice: {@code ["size" "lots"]}. */
    private static EngineException invalid(String option) {
        int eq = option.indexOf('=');
        String shown = eq < 0 ? "\"" + option + "\""
                : "\"" + option.substring(0, eq) + "\" \"" + option.substring(eq + 1) + "\"";
        return new EngineException("invalid tmpfs option [" + shown + "]");
    }
}
