package io.minicontainer.seccomp;

import io.minicontainer.oci.Seccomp;

/** What a filter should answer, straight from the rules' meaning: the oracle the compiled BPF is checked against. */
final class SeccompReference {
    private SeccompReference() {}

    static int expected(Seccomp seccomp, SyscallTable table, BpfInterpreter.SeccompData data) {
        if (data.arch() != SeccompCompiler.AUDIT_ARCH_X86_64 || Integer.compareUnsigned(data.nr(), 0x4000_0000) >= 0) {
            return SeccompActions.KILL_PROCESS;
        }
        int defaultAction = SeccompActions.returnValue(seccomp.defaultAction(), seccomp.defaultErrnoRet());
        boolean stub = defaultAction != SeccompActions.ALLOW && defaultAction != SeccompActions.LOG;
        if (stub && data.nr() > table.highest()) {
            return SeccompActions.ERRNO | SeccompActions.ENOSYS;
        }
        for (Seccomp.Rule rule : seccomp.syscalls()) {
            boolean named = rule.names().stream().anyMatch(n -> table.number(n).orElse(-1) == data.nr());
            if (named && rule.args().stream().allMatch(arg -> holds(arg, data.args()[arg.index()]))) {
                return SeccompActions.returnValue(rule.action(), rule.errnoRet());
            }
        }
        return defaultAction;
    }

    private static boolean holds(Seccomp.Arg arg, long value) {
        int compared = Long.compareUnsigned(value, arg.value());
        return switch (arg.op()) {
            case "SCMP_CMP_EQ" -> compared == 0;
            case "SCMP_CMP_NE" -> compared != 0;
            case "SCMP_CMP_LT" -> compared < 0;
            case "SCMP_CMP_LE" -> compared <= 0;
            case "SCMP_CMP_GT" -> compared > 0;
            case "SCMP_CMP_GE" -> compared >= 0;
            case "SCMP_CMP_MASKED_EQ" -> (value & arg.value()) == arg.valueTwo();
            default -> throw new AssertionError(arg.op());
        };
    }
}
