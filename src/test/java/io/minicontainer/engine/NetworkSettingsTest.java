package io.minicontainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minicontainer.engine.NetworkSettings.Endpoint;
import io.minicontainer.json.Json;
import io.minicontainer.network.BridgeNetwork.Attachment;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.MacAddress;
import io.minicontainer.network.Protocol;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.state.ContainerRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkSettingsTest {
    private static final String ID = "ab".repeat(32);

    private static Attachment attachment(String network, String address) {
        Ipv4Address ip = Ipv4Address.parse(address);
        return new Attachment(network, network + "-id", "mc-" + network, ip, Ipv4Address.parse("10.1.0.1"), 24,
                MacAddress.forIpv4(ip), "mcveth");
    }

    /** As a record comes back from disk: written and parsed. */
    private static ContainerRecord record(Map<String, Object> settings) {
        Map<String, Object> json = new LinkedHashMap<>(Map.of("Id", ID));
        json.put("NetworkSettings", settings);
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(Json.write(json));
        return new ContainerRecord(parsed);
    }

    @Test
    void theFirstNetworkIsAtTheTopAndEveryNetworkHasItsEndpoint() {
        List<Endpoint> wanted = List.of(new Endpoint("front", Optional.of(Ipv4Address.parse("10.1.0.7"))),
                new Endpoint("back", Optional.empty()));
        PublishedPort port = new PublishedPort(ID, Protocol.TCP, Ipv4Address.ANY, 8080, Ipv4Address.parse("10.1.0.7"), 80);
        Map<String, Object> settings = NetworkSettings.of(List.of(attachment("front", "10.1.0.7"),
                attachment("back", "10.1.0.2")), List.of(port), wanted, ID.substring(0, 12), "web");

        assertThat(settings).containsEntry("IPAddress", "10.1.0.7").containsEntry("Gateway", "10.1.0.1")
                .containsEntry("IPPrefixLen", 24).containsEntry("MacAddress", "02:42:0a:01:00:07");
        assertThat(Json.write(settings.get("Ports"))).isEqualTo("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"}]}");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) settings.get("Networks");
        assertThat(networks.keySet()).containsExactly("front", "back");
        assertThat(networks.get("back")).containsEntry("IPAddress", "10.1.0.2").containsEntry("NetworkID", "back-id")
                .containsEntry("DNSNames", List.of("web", ID.substring(0, 12)));
        assertThat(NetworkSettings.endpoints(record(settings))).isEqualTo(wanted);
    }

    @Test
    void connectingAndDisconnectingKeepTheOrderAndTheRest() {
        ContainerRecord record = record(NetworkSettings.of(List.of(attachment("front", "10.1.0.2")), List.of(),
                List.of(new Endpoint("front", Optional.empty())), ID.substring(0, 12), "web"));

        ContainerRecord connected = NetworkSettings.connected(record, new Endpoint("back", Optional.empty()),
                Optional.empty(), ID.substring(0, 12), "web");
        assertThat(NetworkSettings.endpoints(connected)).extracting(Endpoint::network).containsExactly("front", "back");
        assertThat(connected.networks()).containsExactly("front", "back");
        ContainerRecord disconnected = NetworkSettings.disconnected(connected, "front");
        assertThat(NetworkSettings.endpoints(disconnected)).extracting(Endpoint::network).containsExactly("back");
        assertThat(disconnected.json().get("Id")).isEqualTo(ID);
    }

    @Test
    void aRecordWithoutNetworkSettingsNamesNoNetwork() {
        assertThat(NetworkSettings.endpoints(new ContainerRecord(Map.of("Id", ID)))).isEmpty();
    }
}
