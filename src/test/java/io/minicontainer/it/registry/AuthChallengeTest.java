package io.minicontainer.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {
    @Test
    void readsQuotedParametersThatContainCommas() {
        AuthChallenge challenge = AuthChallenge.parse("Bearer realm=\"http://127.0.0.1:1/token\",service=\"reg\","
                + "scope=\"repository:a/b:pull,push\",error=\"insufficient_scope\"");
        assertThat(challenge.scheme()).isEqualTo("Bearer");
        assertThat(challenge.param("realm")).isEqualTo("http://127.0.0.1:1/token");
        assertThat(challenge.param("scope")).isEqualTo("repository:a/b:pull,push");
        assertThat(challenge.param("error")).isEqualTo("insufficient_scope");
    }

    @Test
    void readsBasicAndUnquotedValues() {
        AuthChallenge challenge = AuthChallenge.parse("Basic realm=test, charset=UTF-8");
        assertThat(challenge.scheme()).isEqualTo("Basic");
        assertThat(challenge.param("realm")).isEqualTo("test");
        assertThat(challenge.param("charset")).isEqualTo("UTF-8");
    }
}
