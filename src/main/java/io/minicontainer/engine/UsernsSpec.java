package io.minicontainer.engine;

import io.minicontainer.oci.Spec;
import io.minicontainer.runtime.UsernsPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run spec with a user namespace (--userns=auto): the namespace, and its host range in an annotation. */
final class UsernsSpec {
    private UsernsSpec() {}

    /** The first host id of the range a file of {@link UsernsRanges} holds. */
    static long base(Path range) {
        return UsernsRanges.base(Integer.parseInt(range.getFileName().toString()));
    }

    static Spec remapped(Spec spec, Optional<Long> base) {
        if (base.isEmpty()) {
            return spec;
        }
        List<Spec.Namespace> namespaces = new ArrayList<>(spec.linux().namespaces());
        namespaces.add(new Spec.Namespace("user"));
        Map<String, String> annotations = new HashMap<>(spec.annotations());
        annotations.put(UsernsPlan.ANNOTATION, Long.toString(base.get()));
        Spec.Linux linux = spec.linux();
        return new Spec(spec.ociVersion(), spec.process(), spec.root(), spec.hostname(), spec.mounts(),
                new Spec.Linux(namespaces, linux.maskedPaths(), linux.readonlyPaths(), linux.seccomp(), linux.devices(),
                        linux.deviceRules()),
                annotations);
    }

    /** What the monitor removes with the container: its range too. */
    static List<String> withRange(List<String> owned, Optional<Path> range) {
        List<String> all = new ArrayList<>(owned);
        range.ifPresent(file -> all.add(file.toString()));
        return all;
    }
}
