package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortSpecTest {
    private static final Ipv4Address ANY = Ipv4Address.ANY;
    private static final Ipv4Address LOCALHOST = Ipv4Address.parse("127.0.0.1");

    private static PortSpec only(String raw) {
        List<PortSpec> specs = PortSpec.parse(raw);
        assertThat(specs).hasSize(1);
        return specs.getFirst();
    }

    private static void refused(String raw, String message) {
        assertThatThrownBy(() -> PortSpec.parse(raw)).as(raw).isInstanceOf(NetworkException.class).hasMessage(message);
    }

    @Test
    void hostPortToContainerPortDefaultsToTcpOnEveryAddress() {
        assertThat(only("8080:80")).isEqualTo(new PortSpec(ANY, 8080, 8080, 80, Protocol.TCP));
    }

    @Test
    void hostAddressAndProtocol() {
        assertThat(only("127.0.0.1:8080:80/udp")).isEqualTo(new PortSpec(LOCALHOST, 8080, 8080, 80, Protocol.UDP));
        assertThat(only("127.0.0.1:8080:80/UDP").protocol()).isEqualTo(Protocol.UDP);
        assertThat(only("80/sctp").protocol()).isEqualTo(Protocol.SCTP);
        assertThat(only("80/").protocol()).isEqualTo(Protocol.TCP);
        assertThat(only("0.0.0.0:8080:80").hostIp()).isEqualTo(ANY);
        assertThat(only("[127.0.0.1]:8080:80").hostIp()).isEqualTo(LOCALHOST);
    }

    @Test
    void containerPortAloneGetsAnyFreeHostPort() {
        PortSpec spec = only("80");

        assertThat(spec).isEqualTo(new PortSpec(ANY, 0, 0, 80, Protocol.TCP));
        assertThat(spec.anyHostPort()).isTrue();
        assertThat(only(":80")).isEqualTo(spec);
        assertThat(only("0:80")).isEqualTo(spec);
        assertThat(only("127.0.0.1::80")).isEqualTo(new PortSpec(LOCALHOST, 0, 0, 80, Protocol.TCP));
    }

    @Test
    void rangesOfEqualSizePairUp() {
        assertThat(PortSpec.parse("8080-8081:80-81")).containsExactly(
                new PortSpec(ANY, 8080, 8080, 80, Protocol.TCP),
                new PortSpec(ANY, 8081, 8081, 81, Protocol.TCP));
        assertThat(PortSpec.parse("80-81/udp")).containsExactly(
                new PortSpec(ANY, 0, 0, 80, Protocol.UDP),
                new PortSpec(ANY, 0, 0, 81, Protocol.UDP));
    }

    @Test
    void aHostRangeForOneContainerPortIsWhereToPickFrom() {
        PortSpec spec = only("8000-8010:80");

        assertThat(spec).isEqualTo(new PortSpec(ANY, 8000, 8010, 80, Protocol.TCP));
        assertThat(spec.anyHostPort()).isFalse();
    }

    @Test
    void refusesWithDockersMessages() {
        refused("", "no port specified: <empty>");
        refused("8080:", "no port specified: 8080:<empty>");
        refused("8080:/tcp", "no port specified: 8080:/tcp<empty>");
        refused("8080:abc", "invalid containerPort: abc");
        refused("8080:0", "invalid containerPort: 0");
        refused("8080:65536", "invalid containerPort: 65536");
        refused("81-80", "invalid containerPort: 81-80");
        refused("80-", "invalid containerPort: 80-");
        refused("1-2-3", "invalid containerPort: 1-2-3");
        refused("99999:80", "invalid hostPort: 99999");
        refused("x:80", "invalid hostPort: x");
        refused("0-10:80", "invalid hostPort: 0-10");
        refused("8080-8081:80-82", "invalid ranges specified for container and host Ports: 80-82 and 8080-8081");
        refused("8080:80-81", "invalid ranges specified for container and host Ports: 80-81 and 8080");
        refused("8080:80/icmp", "invalid proto: icmp");
        refused("1.2.3:8080:80", "invalid IP address: 1.2.3");
        refused("localhost:8080:80", "invalid IP address: localhost");
        refused("[::1]:8080:80", "invalid IP address: ::1 (IPv6 is not supported)");
        refused("::1:8080:80", "invalid IP address: ::1 (IPv6 is not supported)");
    }

    @Test
    void checksInDockersOrder() {
        refused("1.2.3:x:80/icmp", "invalid IP address: 1.2.3");
        refused("x:y/icmp", "invalid containerPort: y");
        refused("x:80/icmp", "invalid hostPort: x");
    }

    @Test
    void parsesSeveralFlagsInOrderAndWritesThemBack() {
        List<PortSpec> specs = PortSpec.parseAll(List.of("127.0.0.1:8080:80/udp", "90", "8000-8001:90-91"));

        assertThat(specs).extracting(PortSpec::toString)
                .containsExactly("127.0.0.1:8080:80/udp", "90/tcp", "8000:90/tcp", "8001:91/tcp");
        assertThat(only("8000-8010:80")).hasToString("8000-8010:80/tcp");
        assertThat(only("127.0.0.1::80")).hasToString("127.0.0.1::80/tcp");
    }
}
