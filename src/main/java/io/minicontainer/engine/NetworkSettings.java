package io.minicontainer.engine;

import io.minicontainer.network.BridgeNetwork.Attachment;
import io.minicontainer.network.Ipv4Address;
import io.minicontainer.network.PublishedPort;
import io.minicontainer.state.ContainerRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container record's {@code NetworkSettings}, docker's shape: the first network's address at the top,
 * the published ports, and {@code Networks} with one endpoint per network, in the order they became eth0,
 * eth1... An endpoint with an empty address is a network the container joins at its next start.
 */
final class NetworkSettings {
    private NetworkSettings() {}

    /** A network the record names, with the address asked for by {@code --ip}. */
    record Endpoint(String network, Optional<Ipv4Address> requested) {}

    static Map<String, Object> of(List<Attachment> attachments, List<PublishedPort> ports, List<Endpoint> wanted,
            String shortId, String name) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Optional<Attachment> first = attachments.stream().findFirst();
        settings.put("Gateway", first.map(a -> a.gateway().toString()).orElse(""));
        settings.put("IPAddress", first.map(a -> a.address().toString()).orElse(""));
        settings.put("IPPrefixLen", first.map(Attachment::prefix).orElse(0));
        settings.put("MacAddress", first.map(a -> a.mac().toString()).orElse(""));
        settings.put("Ports", ports(ports));
        Map<String, Object> networks = new LinkedHashMap<>();
        for (Endpoint endpoint : wanted) {
            Optional<Attachment> attached = attachments.stream().filter(a -> a.network().equals(endpoint.network()))
                    .findFirst();
            networks.put(endpoint.network(), endpoint(endpoint, attached, List.of(name, shortId)));
        }
        settings.put("Networks", networks);
        return settings;
    }

    private static Map<String, Object> endpoint(Endpoint endpoint, Optional<Attachment> attached, List<String> dnsNames) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("IPAMConfig", endpoint.requested().map(ip -> (Object) Map.of("IPv4Address", ip.toString())).orElse(null));
        json.put("NetworkID", attached.map(Attachment::networkId).orElse(""));
        json.put("Gateway", attached.map(a -> a.gateway().toString()).orElse(""));
        json.put("IPAddress", attached.map(a -> a.address().toString()).orElse(""));
        json.put("IPPrefixLen", attached.map(Attachment::prefix).orElse(0));
        json.put("MacAddress", attached.map(a -> a.mac().toString()).orElse(""));
        json.put("DNSNames", endpoint.network().equals("bridge") ? null : dnsNames);
        return json;
    }

    private static Map<String, Object> ports(List<PublishedPort> ports) {
        Map<String, Object> published = new LinkedHashMap<>();
        for (PublishedPort port : ports) {
            @SuppressWarnings("unchecked")
            List<Object> bindings = (List<Object>) published.computeIfAbsent(port.containerPort() + "/"
                    + port.protocol().keyword(), key -> new ArrayList<>());
            Map<String, String> binding = new LinkedHashMap<>();
            binding.put("HostIp", port.hostIp().toString());
            binding.put("HostPort", Integer.toString(port.hostPort()));
            bindings.add(binding);
        }
        return published;
    }

    /** The record with one more network; its address too when the container runs. */
    static ContainerRecord connected(ContainerRecord record, Endpoint endpoint, Optional<Attachment> attached,
            String shortId, String name) {
        Map<String, Object> settings = settings(record);
        Map<String, Object> networks = networks(settings);
        networks.put(endpoint.network(), endpoint(endpoint, attached, List.of(name, shortId)));
        settings.put("Networks", networks);
        return with(record, settings);
    }

    /** The record without {@code network}. */
    static ContainerRecord disconnected(ContainerRecord record, String network) {
        Map<String, Object> settings = settings(record);
        Map<String, Object> networks = networks(settings);
        networks.remove(network);
        settings.put("Networks", networks);
        return with(record, settings);
    }

    private static Map<String, Object> settings(ContainerRecord record) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (record.json().get("NetworkSettings") instanceof Map<?, ?> old) {
            old.forEach((key, value) -> settings.put(String.valueOf(key), value));
        }
        return settings;
    }

    private static Map<String, Object> networks(Map<String, Object> settings) {
        Map<String, Object> networks = new LinkedHashMap<>();
        if (settings.get("Networks") instanceof Map<?, ?> old) {
            old.forEach((key, value) -> networks.put(String.valueOf(key), value));
        }
        return networks;
    }

    /** The networks a record names, in order. */
    static List<Endpoint> endpoints(ContainerRecord record) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (record.json().get("NetworkSettings") instanceof Map<?, ?> settings
                && settings.get("Networks") instanceof Map<?, ?> networks) {
            networks.forEach((name, endpoint) -> endpoints.add(new Endpoint(String.valueOf(name), requested(endpoint))));
        }
        return endpoints;
    }

    private static Optional<Ipv4Address> requested(Object endpoint) {
        if (endpoint instanceof Map<?, ?> json && json.get("IPAMConfig") instanceof Map<?, ?> ipam
                && ipam.get("IPv4Address") instanceof String ip && !ip.isEmpty()) {
            return Optional.of(Ipv4Address.parse(ip));
        }
        return Optional.empty();
    }

    /** The record with new settings (the rest as it was). */
    static ContainerRecord with(ContainerRecord record, Map<String, Object> settings) {
        Map<String, Object> json = new LinkedHashMap<>(record.json());
        json.put("NetworkSettings", settings);
        return new ContainerRecord(json);
    }
}
