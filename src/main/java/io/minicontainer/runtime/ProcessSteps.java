package io.minicontainer.runtime;

import io.minicontainer.oci.Seccomp;
import io.minicontainer.oci.Spec;
import io.minicontainer.seccomp.SeccompCompiler;
import io.minicontainer.seccomp.SeccompException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The last steps of every process, run and exec alike: who it is and what it may do. The order is
 * the point. The bounding set goes first (dropping from it takes CAP_SETPCAP, which only the
 * setup's root has). The seccomp filter goes as late as it can, right before exec, so the setup's own
 * calls (setgroups, setresuid, capset...) are not subject to it, however strict the profile: but the
 * kernel installs a filter only for a process with no_new_privs, or with CAP_SYS_ADMIN. So without
 * no_new_privs it must go before the user switch and capset take CAP_SYS_ADMIN away, and the setup
 * calls after it must be allowed by the profile (docker's and ours allow them).
 */
final class ProcessSteps {
    private ProcessSteps() {}

    static void add(List<Step> steps, Spec.Capabilities caps, Spec.User user, String cwd, boolean noNewPrivileges,
            Optional<Seccomp> seccomp) {
        Optional<Step> filter = seccomp.map(ProcessSteps::filter);
        steps.add(new Step.Bounding(PlanCompiler.mask("bounding", caps.bounding())));
        if (!noNewPrivileges) {
            filter.ifPresent(steps::add);
        }
        steps.add(new Step.User(user.uid(), user.gid(), user.additionalGids()));
        steps.add(new Step.Chdir(cwd)); // as the user: a directory it may not enter is an error
        steps.add(new Step.Umask(0022));
        steps.add(PlanCompiler.capabilities(caps));
        if (noNewPrivileges) {
            steps.add(new Step.NoNewPrivileges());
            filter.ifPresent(steps::add);
        }
    }

    private static Step filter(Seccomp seccomp) {
        try {
            return new Step.SeccompFilter(HexFormat.of().formatHex(SeccompCompiler.compile(seccomp)));
        } catch (SeccompException e) {
            throw new SpecException("linux.seccomp: " + e.getMessage());
        }
    }
}
