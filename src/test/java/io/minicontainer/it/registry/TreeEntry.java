package io.minicontainer.it.registry;

/**
 * One path of a root file system as a test compares it: {@code mode} is the permission bits with
 * setuid, setgid and sticky ({@code 07777}); {@code size} counts for regular files only (directory
 * sizes depend on the file system); {@code linkTarget} for symbolic links only.
 */
public record TreeEntry(Type type, int mode, int uid, int gid, long size, String linkTarget) {
    public enum Type { FILE, DIR, SYMLINK, OTHER }

    public static TreeEntry dir(int mode) {
        return new TreeEntry(Type.DIR, mode, 0, 0, 0, "");
    }

    public static TreeEntry dir(int mode, int uid, int gid) {
        return new TreeEntry(Type.DIR, mode, uid, gid, 0, "");
    }

    public static TreeEntry file(int mode, long size) {
        return new TreeEntry(Type.FILE, mode, 0, 0, size, "");
    }

    public static TreeEntry file(int mode, long size, int uid, int gid) {
        return new TreeEntry(Type.FILE, mode, uid, gid, size, "");
    }

    /** Symbolic links are always mode 0777 on Linux. */
    public static TreeEntry symlink(String target) {
        return new TreeEntry(Type.SYMLINK, 0777, 0, 0, 0, target);
    }

    /** From a full st_mode (type bits included). */
    static TreeEntry of(int stMode, int uid, int gid, long size, String linkTarget) {
        Type type = switch (stMode & 0170000) {
            case 0100000 -> Type.FILE;
            case 0040000 -> Type.DIR;
            case 0120000 -> Type.SYMLINK;
            default -> Type.OTHER;
        };
        return new TreeEntry(type, stMode & 07777, uid, gid, type == Type.FILE ? size : 0,
                type == Type.SYMLINK ? linkTarget : "");
    }

    @Override
    public String toString() {
        return type.name().toLowerCase() + " " + String.format("%04o", mode) + " " + uid + ":" + gid
                + (type == Type.FILE ? " " + size + " bytes" : "") + (type == Type.SYMLINK ? " -> " + linkTarget : "");
    }
}
