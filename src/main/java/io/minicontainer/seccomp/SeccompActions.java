package io.minicontainer.seccomp;

import java.util.OptionalInt;

/** The profile's action names as the kernel's SECCOMP_RET_* return values. */
final class SeccompActions {
    static final int KILL_PROCESS = 0x8000_0000;
    static final int KILL_THREAD = 0x0000_0000;
    static final int TRAP = 0x0003_0000;
    static final int ERRNO = 0x0005_0000;
    static final int TRACE = 0x7ff0_0000;
    static final int LOG = 0x7ffc_0000;
    static final int ALLOW = 0x7fff_0000;

    static final int EPERM = 1;
    static final int ENOSYS = 38;

    private SeccompActions() {}

    /** {@code errnoRet}: the errno of ERRNO (EPERM when absent, as docker) or the message of TRACE. */
    static int returnValue(String action, OptionalInt errnoRet) {
        int data = errnoRet.orElse(EPERM);
        if (data < 0 || data > 0xffff) {
            throw new SeccompException("seccomp profile: errnoRet " + data + " is out of range (0-65535)");
        }
        boolean takesData = action.equals("SCMP_ACT_ERRNO") || action.equals("SCMP_ACT_TRACE");
        if (errnoRet.isPresent() && !takesData) {
            throw new SeccompException("seccomp profile: errnoRet is only for SCMP_ACT_ERRNO and SCMP_ACT_TRACE, not "
                    + action);
        }
        return switch (action) {
            case "SCMP_ACT_ALLOW" -> ALLOW;
            case "SCMP_ACT_ERRNO" -> ERRNO | data;
            case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD" -> KILL_THREAD;
            case "SCMP_ACT_KILL_PROCESS" -> KILL_PROCESS;
            case "SCMP_ACT_TRAP" -> TRAP;
            case "SCMP_ACT_TRACE" -> TRACE | data;
            case "SCMP_ACT_LOG" -> LOG;
            case "SCMP_ACT_NOTIFY" -> throw new SeccompException(
                    "seccomp profile: SCMP_ACT_NOTIFY needs a listener, which MiniContainer does not have");
            default -> throw new SeccompException("seccomp profile: unknown action " + action);
        };
    }
}
