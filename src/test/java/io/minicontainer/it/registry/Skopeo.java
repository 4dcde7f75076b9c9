package io.minicontainer.it.registry;

import io.minicontainer.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * skopeo (1.9) against a {@link LocalRegistry}: plain HTTP, the registry's credentials, temporary
 * files in the registry's directory. As root, skopeo keeps a blob-info cache in
 * /var/lib/containers/cache that outlives the test and makes later copies depend on earlier ones
 * (it reuses or substitutes blobs it remembers); so each call runs in a private mount namespace
 * with a tmpfs over /var/lib, and its cache is gone when it exits.
 */
public final class Skopeo {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path workDir;
    private final Optional<Credentials> credentials;

    Skopeo(Path workDir, Optional<Credentials> credentials) {
        this.workDir = workDir;
        this.credentials = credentials;
    }

    /** The same skopeo with other credentials (or none), e.g. to check that a wrong password fails. */
    public Skopeo withCredentials(Optional<Credentials> other) {
        return new Skopeo(workDir, other);
    }

    /**
     * Pushes {@code source} ({@code oci:LAYOUT:TAG}, {@code dir:DIR}) unchanged: with
     * {@code --preserve-digests} skopeo fails rather than convert, recompress or swap in blobs it
     * thinks the registry already has, so the pushed digests are the ones the source holds.
     * {@code --all} copies every manifest of an index.
     */
    public String push(String source, String destination, ImageFormat format, boolean all) {
        List<String> args = new ArrayList<>(List.of("copy", "--dest-tls-verify=false", "--preserve-digests",
                "--format", format.skopeoFormat()));
        if (all) {
            args.add("--all");
        }
        args.addAll(credentialArgs("--dest-creds"));
        args.add(source);
        args.add("docker://" + destination);
        return run(args);
    }

    /** Copies {@code docker://REFERENCE} into an OCI layout ({@code oci:DIR:TAG}), as is. */
    public String pull(String reference, Path layoutDir, String tag) {
        List<String> args = new ArrayList<>(List.of("copy", "--src-tls-verify=false", "--preserve-digests"));
        args.addAll(credentialArgs("--src-creds"));
        args.add("docker://" + reference);
        args.add("oci:" + layoutDir + ":" + tag);
        return run(args);
    }

    /** {@code skopeo inspect}: the image's summary as JSON, or with {@code raw} its manifest's bytes. */
    public String inspect(String reference, boolean raw) {
        List<String> args = new ArrayList<>(List.of("inspect", "--tls-verify=false"));
        if (raw) {
            args.add("--raw");
        }
        args.addAll(credentialArgs("--creds"));
        args.add("docker://" + reference);
        return run(args);
    }

    private List<String> credentialArgs(String flag) {
        return credentials.map(c -> List.of(flag, c.skopeoForm())).orElse(List.of());
    }

    /** Any skopeo command ({@code --insecure-policy} is added: there may be no policy.json). */
    public String run(List<String> args) {
        Path tmp = workDir.resolve("skopeo-tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        if (TestHost.isRoot()) {
            command.addAll(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                    "mount -t tmpfs -o size=16m,mode=0755 skopeo-cache /var/lib && exec \"$0\" \"$@\""));
        }
        command.addAll(List.of("skopeo", "--insecure-policy"));
        command.addAll(args);
        return ManagedProcess.run(command, workDir, Map.of("TMPDIR", tmp.toString()), TIMEOUT_SECONDS);
    }
}
