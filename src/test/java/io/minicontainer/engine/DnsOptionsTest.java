package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DnsOptionsTest {
    private static final String HOST = "nameserver 127.0.0.53\nsearch corp.example\noptions edns0\n";

    @Test
    void dnsReplacesTheNameServersAndKeepsTheRest() {
        DnsOptions dns = DnsOptions.parse(List.of("9.9.9.9", "2001:db8::1"), List.of(), List.of(), List.of());
        assertThat(EtcFiles.resolvConf(HOST, dns))
                .isEqualTo("search corp.example\noptions edns0\nnameserver 9.9.9.9\nnameserver 2001:db8::1\n");
    }

    @Test
    void searchAndOptionsReplaceTheHostsAndADotMeansNoSearch() {
        assertThat(EtcFiles.resolvConf(HOST, DnsOptions.parse(List.of(), List.of("a.example", "b.example"),
                List.of("ndots:2"), List.of()))).isEqualTo("nameserver 8.8.8.8\nnameserver 8.8.4.4\n"
                        + "search a.example b.example\noptions ndots:2\n");
        assertThat(EtcFiles.resolvConf(HOST, DnsOptions.parse(List.of(), List.of("."), List.of(), List.of())))
                .doesNotContain("search");
    }

    @Test
    void nothingGivenIsTheUsualFile() {
        assertThat(EtcFiles.resolvConf(HOST, DnsOptions.NONE)).isEqualTo(EtcFiles.resolvConf(HOST));
    }

    @Test
    void addHostTakesNameColonOrEqualsAddress() {
        assertThat(DnsOptions.parse(List.of(), List.of(), List.of(), List.of("db:10.1.2.3", "v6=[2001:db8::2]"))
                .extraHosts()).containsExactly("10.1.2.3\tdb", "2001:db8::2\tv6");
    }

    @Test
    void badValuesHaveDockersMessages() {
        assertThatThrownBy(() -> DnsOptions.parse(List.of("nope"), List.of(), List.of(), List.of()))
                .hasMessage("invalid argument \"nope\" for \"--dns\" flag: nope is not an ip address");
        assertThatThrownBy(() -> DnsOptions.parse(List.of(), List.of(), List.of(), List.of("db:10.1.2")))
                .hasMessage("invalid argument \"db:10.1.2\" for \"--add-host\" flag: invalid IP address in add-host: \"10.1.2\"");
        assertThatThrownBy(() -> DnsOptions.parse(List.of(), List.of(), List.of(), List.of("justaname")))
                .hasMessage("invalid argument \"justaname\" for \"--add-host\" flag: bad format for add-host: \"justaname\"");
    }
}
