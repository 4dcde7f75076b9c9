package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NftRulesTest {
    static final BridgeSubnet DEFAULT = new BridgeSubnet("minicontainer0", Subnet.parse("172.17.0.0/16"));
    static final BridgeSubnet WEB = new BridgeSubnet("mc-web", Subnet.parse("172.18.0.0/16"));
    static final PublishedPort ANY_8080 = new PublishedPort("abc123", Protocol.TCP, Ipv4Address.ANY, 8080,
            Ipv4Address.parse("172.17.0.2"), 80);
    static final PublishedPort LOCAL_53 = new PublishedPort("def456", Protocol.UDP, Ipv4Address.parse("127.0.0.1"), 5353,
            Ipv4Address.parse("172.18.0.2"), 53);

    private final NftRules rules = new NftRules("mc_test");

    @Test
    void theWholeTableIsOneTransactionThatTouchesNothingElse() {
        assertThat(rules.replaceTable(List.of(DEFAULT, WEB), List.of(ANY_8080, LOCAL_53))).isEqualTo("""
                table ip mc_test {}
                delete table ip mc_test
                table ip mc_test {
                    set bridges { type ifname; }
                    set same_bridge { type ifname . ifname; }
                    set subnets { type ipv4_addr; flags interval; }
                    map publish_tcp { type ipv4_addr . inet_service : ipv4_addr . inet_service; }
                    map publish_any_tcp { type inet_service : ipv4_addr . inet_service; }
                    map publish_udp { type ipv4_addr . inet_service : ipv4_addr . inet_service; }
                    map publish_any_udp { type inet_service : ipv4_addr . inet_service; }
                    map publish_sctp { type ipv4_addr . inet_service : ipv4_addr . inet_service; }
                    map publish_any_sctp { type inet_service : ipv4_addr . inet_service; }

                    chain prerouting {
                        type nat hook prerouting priority dstnat; policy accept;
                        fib daddr type local jump publish
                    }

                    chain output {
                        type nat hook output priority -100; policy accept;
                        fib daddr type local jump publish
                    }

                    chain publish {
                        dnat ip to ip daddr . tcp dport map @publish_tcp
                        dnat ip to tcp dport map @publish_any_tcp
                        dnat ip to ip daddr . udp dport map @publish_udp
                        dnat ip to udp dport map @publish_any_udp
                        dnat ip to ip daddr . sctp dport map @publish_sctp
                        dnat ip to sctp dport map @publish_any_sctp
                    }

                    chain postrouting {
                        type nat hook postrouting priority srcnat; policy accept;
                        ip saddr @subnets oifname != @bridges masquerade
                        ct status dnat iifname . oifname @same_bridge masquerade
                        ip saddr 127.0.0.0/8 oifname @bridges masquerade
                    }

                    chain forward {
                        type filter hook forward priority filter; policy accept;
                        ct state established,related accept
                        ct status dnat oifname @bridges accept
                        iifname . oifname @same_bridge accept
                        iifname @bridges oifname @bridges drop
                        iifname @bridges accept
                        oifname @bridges drop
                    }

                    chain input {
                        type filter hook input priority filter; policy accept;
                        iifname @bridges ip daddr 127.0.0.0/8 ct state != { established, related } drop
                    }
                }
                add element ip mc_test bridges { "minicontainer0" }
                add element ip mc_test same_bridge { "minicontainer0" . "minicontainer0" }
                add element ip mc_test subnets { 172.17.0.0/16 }
                add element ip mc_test bridges { "mc-web" }
                add element ip mc_test same_bridge { "mc-web" . "mc-web" }
                add element ip mc_test subnets { 172.18.0.0/16 }
                add element ip mc_test publish_any_tcp { 8080 comment "mc:abc123" : 172.17.0.2 . 80 }
                add element ip mc_test publish_udp { 127.0.0.1 . 5353 comment "mc:def456" : 172.18.0.2 . 53 }
                """);
    }

    @Test
    void isAPureFunctionOfState() {
        String once = rules.replaceTable(List.of(DEFAULT), List.of(ANY_8080, ANY_8080));

        assertThat(once).isEqualTo(rules.replaceTable(List.of(DEFAULT), List.of(ANY_8080)));
        assertThat(once).containsOnlyOnce("publish_any_tcp { 8080");
        assertThat(rules.replaceTable(List.of(), List.of())).doesNotContain("add element");
    }

    @Test
    void addsAndRemovesOneContainersPortsAsMapElements() {
        assertThat(rules.addPorts(List.of(ANY_8080, LOCAL_53))).isEqualTo("""
                add element ip mc_test publish_any_tcp { 8080 comment "mc:abc123" : 172.17.0.2 . 80 }
                add element ip mc_test publish_udp { 127.0.0.1 . 5353 comment "mc:def456" : 172.18.0.2 . 53 }
                """);
        assertThat(rules.removePorts(List.of(ANY_8080))).isEqualTo("""
                add element ip mc_test publish_any_tcp { 8080 comment "mc:abc123" : 172.17.0.2 . 80 }
                delete element ip mc_test publish_any_tcp { 8080 }
                """);
    }

    @Test
    void addsAndRemovesANetworkAsSetElements() {
        assertThat(rules.addNetwork(WEB)).isEqualTo("""
                add element ip mc_test bridges { "mc-web" }
                add element ip mc_test same_bridge { "mc-web" . "mc-web" }
                add element ip mc_test subnets { 172.18.0.0/16 }
                """);
        assertThat(rules.removeNetwork(WEB)).endsWith("""
                delete element ip mc_test bridges { "mc-web" }
                delete element ip mc_test same_bridge { "mc-web" . "mc-web" }
                delete element ip mc_test subnets { 172.18.0.0/16 }
                """).startsWith(rules.addNetwork(WEB));
    }

    @Test
    void deletesOnlyItsOwnTableEvenIfMissing() {
        assertThat(rules.deleteTable()).isEqualTo("table ip mc_test {}\ndelete table ip mc_test\n");
        assertThat(new NftRules().table()).isEqualTo("minicontainer");
    }

    @Test
    void refusesNamesThatWouldBreakTheScript() {
        assertThatThrownBy(() -> new NftRules("x; flush ruleset")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BridgeSubnet("a\" }", DEFAULT.subnet())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BridgeSubnet("sixteen-chars-xx", DEFAULT.subnet()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublishedPort("id\"", Protocol.TCP, Ipv4Address.ANY, 1, Ipv4Address.ANY, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublishedPort("id", Protocol.TCP, Ipv4Address.ANY, 0, Ipv4Address.ANY, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesAPublishedPortAsDockerPsDoes() {
        assertThat(ANY_8080.describe()).isEqualTo("0.0.0.0:8080->80/tcp");
        assertThat(LOCAL_53.describe()).isEqualTo("127.0.0.1:5353->53/udp");
    }
}
