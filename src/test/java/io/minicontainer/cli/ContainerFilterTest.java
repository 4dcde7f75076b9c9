package io.minicontainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minicontainer.cli.ContainerFilter.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerFilterTest {
    private static final Candidate WEB = new Candidate("4f66ad9a0b2e11", "web-1", "running",
            Map.of("tier", "front", "com.example.team", "web"), null, "nginx", "sha256:aa11bb22");
    private static final Candidate DB = new Candidate("a1b2c3d4e5f6", "db", "exited",
            Map.of("tier", "back"), 0, "docker.io/library/postgres:16", "sha256:cc33dd44");
    private static final Candidate CRASHED = new Candidate("a1ffff000000", "worker", "exited", Map.of(), 137, "busybox:latest");
    private static final Candidate FRESH = new Candidate("0000aaaa1111", "fresh", "created", null, null, "busybox");
    private static final List<Candidate> ALL = List.of(WEB, DB, CRASHED, FRESH);

    private static List<String> matching(String... filters) {
        ContainerFilter filter = ContainerFilter.parse(List.of(filters));
        return ALL.stream().filter(filter).map(Candidate::name).toList();
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(matching()).containsExactly("web-1", "db", "worker", "fresh");
        assertThat(matching("")).hasSize(4);
        assertThat(ContainerFilter.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void nameIsAnUnanchoredRegexWithOrWithoutTheSlash() {
        assertThat(matching("name=web")).containsExactly("web-1");
        assertThat(matching("name=e")).containsExactly("web-1", "worker", "fresh");
        assertThat(matching("name=^db$")).containsExactly("db");
        assertThat(matching("name=^/db$")).containsExactly("db");
        assertThat(matching("name=^w.*-[0-9]$")).containsExactly("web-1");
        assertThat(matching("name=([")).isEmpty();
    }

    @Test
    void idIsAPrefix() {
        assertThat(matching("id=a1")).containsExactly("db", "worker");
        assertThat(matching("id=a1b2c3d4e5f6")).containsExactly("db");
        assertThat(matching("id=b2")).isEmpty();
        assertThat(matching("id=")).isEmpty();
    }

    @Test
    void statusIsExactAndImpliesAll() {
        assertThat(matching("status=exited")).containsExactly("db", "worker");
        assertThat(matching("status=created")).containsExactly("fresh");
        assertThat(ContainerFilter.parse(List.of("status=running")).impliesAll()).isTrue();
        assertThat(ContainerFilter.parse(List.of("name=x")).impliesAll()).isFalse();
    }

    @Test
    void valuesOfOneKeyAreOredAndKeysAnded() {
        assertThat(matching("status=running", "status=created")).containsExactly("web-1", "fresh");
        assertThat(matching("status=exited", "name=d")).containsExactly("db");
        assertThat(matching("id=a1", "id=4f", "status=exited")).containsExactly("db", "worker");
    }

    @Test
    void labelsMustAllMatch() {
        assertThat(matching("label=tier")).containsExactly("web-1", "db");
        assertThat(matching("label=tier=back")).containsExactly("db");
        assertThat(matching("label=tier", "label=com.example.team=web")).containsExactly("web-1");
        assertThat(matching("label=tier=front", "label=tier=back")).isEmpty();
        assertThat(matching("label=tier=")).isEmpty();
    }

    @Test
    void exitedMatchesOnlyContainersThatRanAndStopped() {
        assertThat(matching("exited=0")).containsExactly("db");
        assertThat(matching("exited=137", "exited=0")).containsExactly("db", "worker");
        assertThat(matching("exited=1")).isEmpty();
    }

    @Test
    void ancestorMatchesNormalizedReferencesAndImageIds() {
        assertThat(matching("ancestor=busybox")).containsExactly("worker", "fresh");
        assertThat(matching("ancestor=postgres:16")).containsExactly("db");
        assertThat(matching("ancestor=postgres")).isEmpty();
        assertThat(matching("ancestor=nginx:latest")).containsExactly("web-1");
        assertThat(matching("ancestor=aa11")).containsExactly("web-1");
        assertThat(matching("ancestor=sha256:cc33")).containsExactly("db");
    }

    @Test
    void keysAreCaseInsensitiveAndValuesTrimmed() {
        assertThat(matching(" Status = exited ")).containsExactly("db", "worker");
    }

    @Test
    void badFiltersAreRejectedWithDockersWords() {
        assertThatThrownBy(() -> ContainerFilter.parse(List.of("foo")))
                .isInstanceOf(CliException.class)
                .hasMessage("invalid argument \"foo\" for \"-f, --filter\" flag: bad format of filter (expected name=value)");
        assertThatThrownBy(() -> ContainerFilter.parse(List.of("foo=bar"))).hasMessage("invalid filter 'foo'");
        assertThatThrownBy(() -> ContainerFilter.parse(List.of("status=sleeping")))
                .hasMessage("invalid filter 'status=sleeping'");
        assertThatThrownBy(() -> ContainerFilter.parse(List.of("exited=x")))
                .hasMessage("strconv.Atoi: parsing \"x\": invalid syntax");
        assertThatThrownBy(() -> ContainerFilter.parse(List.of("exited=99999999999")))
                .hasMessage("strconv.Atoi: parsing \"99999999999\": value out of range");
        assertThatThrownBy(() -> ContainerFilter.parse(List.of("network=bridge")))
                .hasMessage("filter 'network' is not supported");
    }
}
