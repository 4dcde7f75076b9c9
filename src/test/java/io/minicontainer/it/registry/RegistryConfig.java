package io.minicontainer.it.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The registry's YAML config: loopback only, filesystem storage, deletes allowed, warnings only. */
final class RegistryConfig {
    private RegistryConfig() {}

    static String yaml(Path storage, int port, String authSection) {
        // http.secret: without one the registry logs a warning at every start.
        // uploadpurging off: no background goroutine touching the storage while a test runs.
        return """
                version: 0.1
                log:
                  level: warn
                  formatter: text
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                  maintenance:
                    uploadpurging:
                      enabled: false
                http:
                  addr: 127.0.0.1:%d
                  secret: minicontainer-test-secret
                %s""".formatted(storage, port, authSection);
    }

    static String authSection(Auth auth, Path dir, TokenServer tokens) throws IOException {
        return switch (auth) {
            case Auth.None none -> "";
            case Auth.Basic basic -> """
                    auth:
                      htpasswd:
                        realm: minicontainer-test
                        path: %s
                    """.formatted(htpasswd(basic.user(), dir));
            case Auth.Token token -> """
                    auth:
                      token:
                        realm: %s
                        service: %s
                        issuer: %s
                        rootcertbundle: %s
                    """.formatted(tokens.realm(), tokens.service(), tokens.issuer(), tokens.certificatePem());
        };
    }

    /** {@code htpasswd -Bbn}: the registry accepts bcrypt entries only. */
    private static Path htpasswd(Credentials user, Path dir) throws IOException {
        String line = ManagedProcess.run(List.of("htpasswd", "-Bbn", user.user(), user.password()), dir, Map.of(), 30);
        Path file = dir.resolve("htpasswd");
        Files.writeString(file, line.strip() + "\n");
        return file;
    }
}
