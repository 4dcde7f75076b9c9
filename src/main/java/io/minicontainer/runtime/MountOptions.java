package io.minicontainer.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import static java.util.Map.entry;

/**
 * OCI mount options ({@code "nosuid"}, {@code "rbind"}, {@code "mode=755"}) split into what
 * mount(2) takes: flags to set, propagation flags (a separate call), and the data string.
 */
public record MountOptions(long flags, long propagation, String data) {

    public static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8,
            MS_SYNCHRONOUS = 16, MS_REMOUNT = 32, MS_MANDLOCK = 64, MS_DIRSYNC = 128,
            MS_NOSYMFOLLOW = 256, MS_NOATIME = 1024, MS_NODIRATIME = 2048, MS_BIND = 4096,
            MS_REC = 16384, MS_SILENT = 32768, MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18,
            MS_SLAVE = 1 << 19, MS_SHARED = 1 << 20, MS_RELATIME = 1 << 21,
            MS_STRICTATIME = 1 << 24, MS_LAZYTIME = 1 << 25;

    /** Options that set a flag. */
    private static final Map<String, Long> SETS = Map.ofEntries(
            entry("ro", MS_RDONLY), entry("nosuid", MS_NOSUID), entry("nodev", MS_NODEV),
            entry("noexec", MS_NOEXEC), entry("sync", MS_SYNCHRONOUS), entry("remount", MS_REMOUNT),
            entry("mand", MS_MANDLOCK), entry("dirsync", MS_DIRSYNC), entry("nosymfollow", MS_NOSYMFOLLOW),
            entry("noatime", MS_NOATIME), entry("nodiratime", MS_NODIRATIME), entry("bind", MS_BIND),
            entry("rbind", MS_BIND | MS_REC), entry("silent", MS_SILENT), entry("relatime", MS_RELATIME),
            entry("strictatime", MS_STRICTATIME), entry("lazytime", MS_LAZYTIME));

    /** Options that clear a flag another option (or the default) would set. */
    private static final Map<String, Long> CLEARS = Map.ofEntries(
            entry("rw", MS_RDONLY), entry("suid", MS_NOSUID), entry("dev", MS_NODEV),
            entry("exec", MS_NOEXEC), entry("async", MS_SYNCHRONOUS), entry("nomand", MS_MANDLOCK),
            entry("atime", MS_NOATIME), entry("diratime", MS_NODIRATIME), entry("norelatime", MS_RELATIME),
            entry("nostrictatime", MS_STRICTATIME), entry("nolazytime", MS_LAZYTIME),
            entry("symfollow", MS_NOSYMFOLLOW));

    private static final Map<String, Long> PROPAGATION = Map.ofEntries(
            entry("private", MS_PRIVATE), entry("rprivate", MS_PRIVATE | MS_REC),
            entry("shared", MS_SHARED), entry("rshared", MS_SHARED | MS_REC),
            entry("slave", MS_SLAVE), entry("rslave", MS_SLAVE | MS_REC),
            entry("unbindable", MS_UNBINDABLE), entry("runbindable", MS_UNBINDABLE | MS_REC));

    /** Names for {@code --explain}, in the order mount(8) would print them. */
    private static final List<Map.Entry<String, Long>> NAMES = List.of(
            entry("ro", MS_RDONLY), entry("nosuid", MS_NOSUID), entry("nodev", MS_NODEV),
            entry("noexec", MS_NOEXEC), entry("sync", MS_SYNCHRONOUS), entry("remount", MS_REMOUNT),
            entry("dirsync", MS_DIRSYNC), entry("noatime", MS_NOATIME), entry("nodiratime", MS_NODIRATIME),
            entry("bind", MS_BIND), entry("rec", MS_REC), entry("unbindable", MS_UNBINDABLE),
            entry("private", MS_PRIVATE), entry("slave", MS_SLAVE), entry("shared", MS_SHARED),
            entry("relatime", MS_RELATIME), entry("strictatime", MS_STRICTATIME), entry("lazytime", MS_LAZYTIME));

    public static MountOptions parse(List<String> options) {
        long flags = 0, propagation = 0;
        List<String> data = new ArrayList<>();
        for (String option : options) {
            if (SETS.containsKey(option)) {
                flags |= SETS.get(option);
            } else if (CLEARS.containsKey(option)) {
                flags &= ~CLEARS.get(option);
            } else if (PROPAGATION.containsKey(option)) {
                propagation |= PROPAGATION.get(option);
            } else if (!MountAttributes.isRecursiveOption(option)) { // rro and the like: mount_setattr's, not mount's
                data.add(option);
            }
        }
        return new MountOptions(flags, propagation, String.join(",", data));
    }

    public boolean isBind() {
        return (flags & MS_BIND) != 0;
    }

    public boolean isReadOnly() {
        return (flags & MS_RDONLY) != 0;
    }

    /** {@code nosuid,nodev,bind,rec} for a flags word: how --explain shows it. */
    public static String describe(long flags) {
        StringJoiner names = new StringJoiner(",");
        for (Map.Entry<String, Long> name : NAMES) {
            if ((flags & name.getValue()) == name.getValue()) {
                names.add(name.getKey());
            }
        }
        return names.toString();
    }
}
