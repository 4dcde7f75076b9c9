/**
 * The registry client: the HTTP API v2 of the OCI distribution spec, for pulling.
 *
 * <ul>
 *   <li>{@link io.minicontainer.image.registry.RegistryClient}: manifests (all four types accepted,
 *       digest checked, at most 4 MiB) and blobs (a stream that checks digest and size as it is read).
 *   <li>Authentication answers 401 challenges: Basic with stored credentials, Bearer with a token
 *       from the challenge's realm, cached per registry and scope for its lifetime.
 *   <li>{@code Transport}: retries transient failures (resets, timeouts, 429, 500, 502-504) before a
 *       response is handed over, and follows redirects by hand so the registry's Authorization never
 *       reaches another origin.
 *   <li>{@link io.minicontainer.image.registry.CredentialStore}: the engine's 0600 {@code auth.json},
 *       then {@code ~/.docker/config.json}.
 * </ul>
 *
 * <p>Every error is a one-line {@link io.minicontainer.image.registry.RegistryException} (an
 * IOException) that names what failed: a reference, a blob, or the server that could not be reached.
 */
package io.minicontainer.image.registry;
