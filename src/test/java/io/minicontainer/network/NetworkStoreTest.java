package io.minicontainer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkStoreTest {
    @TempDir
    Path root;

    private NetworkStore store(String device, String subnet) {
        return new NetworkStore(root.resolve("networks"), new DefaultBridgeSettings(device, Optional.of(Subnet.parse(subnet))));
    }

    private NetworkStore store() {
        return store("mctest0", "10.99.0.0/24");
    }

    private Network create(NetworkStore store, String name, String subnet) {
        return store.create(name, Optional.of(Subnet.parse(subnet)), Optional.empty(), Map.of());
    }

    @Test
    void thePredefinedNetworksAreThereFromTheStart() {
        assertThat(store().list()).extracting(Network::name, Network::driver)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bridge", "bridge"),
                        org.assertj.core.groups.Tuple.tuple("host", "host"),
                        org.assertj.core.groups.Tuple.tuple("none", "null"));
        Network.Bridge bridge = store().find("bridge").requireBridge();
        assertThat(bridge.device()).isEqualTo("mctest0");
        assertThat(bridge.subnet()).hasToString("10.99.0.0/24");
        assertThat(bridge.gateway()).hasToString("10.99.0.1");
        assertThat(store().find("host").bridge()).isEmpty();
    }

    @Test
    void theDefaultBridgeKeepsItsIdWhenItsSettingsChange() {
        String id = store().find("bridge").id();
        Network moved = store("mctest1", "10.98.0.0/24").find("bridge");
        assertThat(moved.id()).isEqualTo(id);
        assertThat(moved.requireBridge().device()).isEqualTo("mctest1");
        assertThat(moved.requireBridge().subnet()).hasToString("10.98.0.0/24");
    }

    @Test
    void aNewNetworkGetsItsOwnDeviceAndIsFoundByNameOrIdPrefix() {
        Network front = create(store(), "front", "10.99.1.0/24");
        assertThat(front.requireBridge().device()).isEqualTo("mc-" + front.id().substring(0, 12)).hasSize(15);
        assertThat(front.requireBridge().gateway()).hasToString("10.99.1.1");
        assertThat(front.resolvesNames()).isTrue();
        assertThat(store().find("bridge").resolvesNames()).isFalse();
        assertThat(store().find("front")).isEqualTo(front);
        assertThat(store().find(front.id().substring(0, 5))).isEqualTo(front);
        assertThat(Files.exists(root.resolve("networks/front/network.json"))).isTrue();
    }

    @Test
    void namesAndSubnetsAreRefusedAsDockerRefusesThem() {
        NetworkStore store = store();
        create(store, "front", "10.99.1.0/24");
        assertThatThrownBy(() -> create(store, "front", "10.99.2.0/24")).hasMessage("network with name front already exists");
        assertThatThrownBy(() -> create(store, "bridge", "10.99.2.0/24")).hasMessage("network with name bridge already exists");
        assertThatThrownBy(() -> create(store, "other", "10.99.1.128/25"))
                .hasMessage("invalid pool request: Pool overlaps with other one on this address space");
        assertThatThrownBy(() -> create(store, "other", "10.99.0.0/16")).as("the default bridge's")
                .hasMessageContaining("Pool overlaps");
        assertThatThrownBy(() -> create(store, "a/b", "10.99.3.0/24")).hasMessageStartingWith("invalid network name");
        assertThatThrownBy(() -> store.create("gw", Optional.of(Subnet.parse("10.99.4.0/24")),
                Optional.of(Ipv4Address.parse("10.99.5.1")), Map.of())).hasMessageContaining("doesn't contain");
        assertThatThrownBy(() -> store.find("nowhere")).hasMessage("network nowhere not found");
        assertThat(store.list()).extracting(Network::name).containsExactly("bridge", "front", "host", "none");
    }

    @Test
    void withoutSubnetANetworkTakesADefaultPoolNobodyUses() {
        NetworkStore store = store("mctest0", "172.17.0.0/16");
        Subnet chosen = store.create("auto", Optional.empty(), Optional.empty(), Map.of("a", "b")).requireBridge().subnet();
        assertThat(chosen.overlaps(Subnet.parse("172.17.0.0/16"))).isFalse();
        assertThat(AddressPool.DOCKER_DEFAULTS.stream().anyMatch(pool -> pool.subnets().anyMatch(chosen::equals))).isTrue();
        assertThat(store.find("auto").labels()).containsEntry("a", "b");
    }

    @Test
    void removingForgetsANetworkButNotAPredefinedOne() {
        NetworkStore store = store();
        Network front = create(store, "front", "10.99.1.0/24");
        store.remove(front);
        assertThatThrownBy(() -> store.find("front")).hasMessage("network front not found");
        assertThat(Files.exists(root.resolve("networks/front"))).isFalse();
        assertThatThrownBy(() -> store.remove(store.find("none"))).hasMessageContaining("pre-defined network");
    }
}
