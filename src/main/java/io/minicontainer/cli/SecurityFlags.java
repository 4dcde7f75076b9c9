package io.minicontainer.cli;

import io.minicontainer.engine.ContainerSecurity;
import io.minicontainer.engine.SecurityOptions;
import java.util.List;

/** docker's security flags of run: capabilities, --privileged, --security-opt (no-new-privileges, seccomp). */
final class SecurityFlags {
    static final List<Flag> FLAGS = List.of(
            Flag.value("cap-add", Flag.NO_SHORTHAND, "CAP", "Add a Linux capability (NET_ADMIN, CAP_SYS_TIME, ALL)"),
            Flag.value("cap-drop", Flag.NO_SHORTHAND, "CAP", "Drop a Linux capability (ALL drops every one)"),
            Flag.bool("privileged", Flag.NO_SHORTHAND, "All capabilities and host devices, no seccomp, writable /sys"),
            Flag.value("security-opt", Flag.NO_SHORTHAND, "OPT",
                    "no-new-privileges[=true|false], seccomp=unconfined|PROFILE.json, systempaths=unconfined"));

    private SecurityFlags() {}

    static ContainerSecurity forRun(ParsedArgs args) {
        return ContainerSecurity.resolve(new SecurityOptions(args.all("cap-add"), args.all("cap-drop"),
                args.bool("privileged"), args.all("security-opt")));
    }
}
