package io.minicontainer.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void parsesDockerHubsBearerChallenge() {
        List<Challenge> parsed = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\"");

        assertThat(parsed).containsExactly(new Challenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/busybox:pull")));
    }

    @Test
    void quotedValuesKeepCommasAndEscapes() {
        Challenge challenge = Challenge.parse("Bearer realm=\"r\", scope=\"repository:a:pull,push\", "
                + "error=\"insufficient_scope\", note=\"say \\\"hi\\\"\"").getFirst();

        assertThat(challenge.param("scope")).isEqualTo("repository:a:pull,push");
        assertThat(challenge.param("error")).isEqualTo("insufficient_scope");
        assertThat(challenge.param("note")).isEqualTo("say \"hi\"");
        assertThat(challenge.param("absent")).isEmpty();
    }

    @Test
    void parsesUnquotedValuesAndSeveralChallengesInOneHeader() {
        assertThat(Challenge.parse("Basic realm=x, Bearer realm=\"y\",service=s")).containsExactly(
                new Challenge("basic", Map.of("realm", "x")),
                new Challenge("bearer", Map.of("realm", "y", "service", "s")));
        assertThat(Challenge.parse("BASIC")).containsExactly(new Challenge("basic", Map.of()));
        assertThat(Challenge.parse("")).isEmpty();
    }

    @Test
    void prefersBearerOverBasic() {
        HttpHeaders headers = HttpHeaders.of(Map.of("WWW-Authenticate", List.of("Basic realm=\"a\"",
                "Bearer realm=\"b\"")), (name, value) -> true);

        assertThat(Challenge.from(headers)).get().extracting(Challenge::scheme).isEqualTo("bearer");
        assertThat(Challenge.from(HttpHeaders.of(Map.of(), (name, value) -> true))).isEmpty();
    }
}
