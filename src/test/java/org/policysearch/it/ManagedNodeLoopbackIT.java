package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policysearch.es.ManagedElasticsearch;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The managed node has security off, so it must be reachable from this machine only: every address it binds or
 * publishes is loopback, and the kernel's listening sockets on its ports accept loopback connections only (a
 * wildcard bind would take connections on every interface).
 *
 * <p>The sockets are read from {@code /proc/net/tcp*} rather than probed by connecting to a non-loopback address of
 * this machine: tests send no traffic to anything but loopback.
 */
class ManagedNodeLoopbackIT extends AbstractServiceIT {

    private static final String LISTEN = "0A";

    @Autowired
    ManagedElasticsearch node;

    @Test
    void theManagedNodeBindsAndPublishesLoopbackOnly() throws Exception {
        JsonNode nodes = new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(node.uri() + "/_nodes/http,transport"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("nodes");
        assertThat(nodes).hasSize(1);
        JsonNode info = nodes.elements().next();
        List<String> addresses = new ArrayList<>();
        Set<Integer> ports = new TreeSet<>();
        for (String layer : List.of("http", "transport")) {
            addresses.add(info.at("/" + layer + "/publish_address").asText());
            info.at("/" + layer + "/bound_address").forEach(a -> addresses.add(a.asText()));
            ports.add(port(info.at("/" + layer + "/publish_address").asText()));
        }
        assertThat(addresses).hasSizeGreaterThanOrEqualTo(4);
        for (String address : addresses) {
            assertThat(InetAddress.getByName(host(address)).isLoopbackAddress())
                    .as(address)
                    .isTrue();
        }
        assertThat(ports).contains(node.uri().getPort());

        for (int port : ports) {
            List<InetAddress> listening = listeningAddresses(port);
            assertThat(listening).as("listening sockets on port " + port).isNotEmpty();
            assertThat(listening)
                    .as("port " + port + " must not listen on a wildcard or external address")
                    .allMatch(InetAddress::isLoopbackAddress);
        }
    }

    /** The local addresses of the sockets listening on {@code port}, IPv4 and IPv6, from the kernel's tables. */
    private static List<InetAddress> listeningAddresses(int port) throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(file)) {
                for (String line : lines.skip(1).collect(Collectors.toList())) {
                    String[] columns = line.trim().split("\\s+");
                    String[] local = columns[1].split(":");
                    if (columns[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                        out.add(InetAddress.getByAddress(kernelOrder(local[0])));
                    }
                }
            }
        }
        return out;
    }

    /** {@code /proc/net/tcp*} print an address as 32-bit words in host byte order (little-endian on x86 and ARM). */
    private static byte[] kernelOrder(String hex) {
        byte[] raw = new BigInteger("1" + hex, 16).toByteArray();
        byte[] bytes = new byte[hex.length() / 2];
        System.arraycopy(raw, raw.length - bytes.length, bytes, 0, bytes.length);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = b;
            }
        }
        return bytes;
    }

    /** {@code 127.0.0.1:9200}, {@code [::1]:9200} or, with a host name, {@code localhost/127.0.0.1:9200}. */
    private static String host(String address) {
        String host = address.substring(address.indexOf('/') + 1, address.lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
