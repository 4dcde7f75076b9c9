package io.minicontainer.image;

import io.minicontainer.oci.Digest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference with docker's normalization: {@code busybox} is
 * {@code docker.io/library/busybox:latest}; {@code user/repo}, {@code host:5000/repo:tag},
 * {@code repo@sha256:...} and {@code localhost/x} as docker reads them.
 *
 * @param tag    empty when the reference names only a digest
 * @param digest null unless the reference pins one
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final String DEFAULT_TAG = "latest";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]+)?|\\[[0-9a-fA-F:.]+\\](?::[0-9]+)?");
    private static final int MAX_NAME = 255;

    public static ImageReference parse(String text) {
        if (text.isEmpty()) {
            throw invalid(text, "empty reference");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw invalid(text, e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "invalid tag \"" + tag + "\"");
            }
        }
        String[] split = splitDomain(rest);
        String registry = split[0];
        String repository = split[1];
        validateRepository(text, repository);
        if (tag.isEmpty() && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /** docker's rule: the first component is a registry if it has a '.' or ':', is localhost, or has upper case. */
    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean isDomain = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.toLowerCase(Locale.ROOT).equals(first));
        if (!isDomain) {
            return new String[] {DOCKER_HUB, name.contains("/") ? name : "library/" + name};
        }
        String domain = first.equals("index.docker.io") ? DOCKER_HUB : first;
        String repository = name.substring(slash + 1);
        if (domain.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw invalid(name, "invalid registry \"" + domain + "\"");
        }
        return new String[] {domain, repository};
    }

    private static void validateRepository(String text, String repository) {
        if (repository.length() > MAX_NAME) {
            throw invalid(text, "repository name must not be longer than " + MAX_NAME + " characters");
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(text, component.toLowerCase(Locale.ROOT).equals(component)
                        ? "invalid repository name" : "repository name must be lowercase");
            }
        }
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid reference format \"" + text + "\": " + why);
    }

    /** The host to talk to: Docker Hub's API lives at registry-1.docker.io. */
    public String registryHost() {
        return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    /** {@code busybox} for Docker Hub's library, {@code user/repo}, or {@code host:5000/repo}: docker's REPOSITORY column. */
    public String familiarName() {
        if (!registry.equals(DOCKER_HUB)) {
            return registry + "/" + repository;
        }
        return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }

    /** The fully qualified form: {@code docker.io/library/busybox:latest[@sha256:...]}. */
    @Override
    public String toString() {
        return registry + "/" + repository + (tag.isEmpty() ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** {@code busybox:latest}: how docker prints a reference back to the user. */
    public String familiar() {
        return familiarName() + (tag.isEmpty() ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** The same repository with another tag (and no digest). */
    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, newTag, null);
    }
}
