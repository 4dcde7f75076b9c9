package io.minicontainer.it.registry;

import java.time.Duration;
import java.util.Optional;

/** How a {@link LocalRegistry} lets clients in. */
public sealed interface Auth {
    /** Anyone may pull and push. */
    Auth NONE = new None();

    /** HTTP Basic against an htpasswd file (bcrypt: the only hash the registry accepts). */
    static Auth basic(String user, String password) {
        return new Basic(new Credentials(user, password));
    }

    /** Bearer tokens from a {@link TokenServer}; only {@code user} gets tokens, anonymous pulls are refused. */
    static Auth token(String user, String password) {
        return new Token(new TokenServer.Options(new Credentials(user, password), false, Duration.ofMinutes(5)));
    }

    /** Bearer tokens; with {@code anonymousPull} a client without credentials still gets pull tokens. */
    static Auth token(String user, String password, boolean anonymousPull) {
        return new Token(new TokenServer.Options(new Credentials(user, password), anonymousPull, Duration.ofMinutes(5)));
    }

    static Auth token(TokenServer.Options options) {
        return new Token(options);
    }

    /** The credentials that may push, if any are needed. */
    Optional<Credentials> credentials();

    record None() implements Auth {
        @Override
        public Optional<Credentials> credentials() {
            return Optional.empty();
        }
    }

    record Basic(Credentials user) implements Auth {
        @Override
        public Optional<Credentials> credentials() {
            return Optional.of(user);
        }
    }

    record Token(TokenServer.Options options) implements Auth {
        @Override
        public Optional<Credentials> credentials() {
            return Optional.ofNullable(options.user());
        }
    }
}
