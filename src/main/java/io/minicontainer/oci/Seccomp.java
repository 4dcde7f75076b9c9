package io.minicontainer.oci;

import java.util.List;
import java.util.OptionalInt;

/**
 * The spec's {@code linux.seccomp}: a filter already resolved for this container (docker's profile
 * with its {@code includes} and {@code excludes} applied), which the runtime compiles to BPF.
 *
 * @param defaultAction   what a system call no rule matches gets, e.g. {@code SCMP_ACT_ERRNO}
 * @param defaultErrnoRet the errno of an ERRNO default (EPERM when absent)
 * @param architectures   {@code SCMP_ARCH_*} names; MiniContainer filters x86_64 only (see docs/security.md)
 */
public record Seccomp(String defaultAction, OptionalInt defaultErrnoRet, List<String> architectures,
        List<Rule> syscalls) {
    public Seccomp {
        architectures = List.copyOf(architectures);
        syscalls = List.copyOf(syscalls);
    }

    /** The action for these system calls when every argument condition holds (all of them: a logical and). */
    public record Rule(List<String> names, String action, OptionalInt errnoRet, List<Arg> args) {
        public Rule {
            names = List.copyOf(names);
            args = List.copyOf(args);
        }
    }

    /** {@code args[index] OP value}; {@code SCMP_CMP_MASKED_EQ} is {@code (args[index] & value) == valueTwo}. */
    public record Arg(int index, long value, long valueTwo, String op) {}
}
