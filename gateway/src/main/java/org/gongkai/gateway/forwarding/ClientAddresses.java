package org.gongkai.gateway.forwarding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who the client is. The address the gateway sees on the connection, unless that connection comes from a proxy
 * listed in {@code gongkai.gateway.trusted-proxies} (addresses or CIDR ranges; none by default): then the last address
 * in that proxy's {@code X-Forwarded-For} that is not itself a trusted proxy. A client's own {@code X-Forwarded-For}
 * therefore never chooses its rate-limit bucket or the address the services are told.
 */
@ConfigurationProperties("gongkai.gateway")
public class ClientAddresses {

    private List<String> trustedProxies = List.of();
    private final List<Range> ranges = new ArrayList<>();

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(proxy -> !proxy.isBlank()).map(String::strip).toList();
        ranges.clear();
        for (String proxy : this.trustedProxies) {
            ranges.add(Range.parse(proxy));
        }
    }

    /** The address the connection came from, or "unknown". */
    public static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    public boolean fromTrustedProxy(ServerHttpRequest request) {
        return isTrusted(peer(request));
    }

    /** The client's address as far as the gateway can vouch for it. */
    public String client(ServerHttpRequest request) {
        String peer = peer(request);
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedFor(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!isTrusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return peer;
    }

    static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> chain = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.strip());
                }
            }
        }
        return chain;
    }

    boolean isTrusted(String address) {
        if (ranges.isEmpty() || !address.matches("[0-9a-fA-F:.]+")) {
            return false; // only literal addresses are compared: a name in a header is never resolved
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return ranges.stream().anyMatch(range -> range.contains(bytes));
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** An address with a prefix length: 10.0.0.0/8, 127.0.0.1, ::1/128. */
    record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("gongkai.gateway.trusted-proxies: not an address or CIDR range: " + text);
            }
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                return new Range(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("gongkai.gateway.trusted-proxies: not an address or CIDR range: " + text, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
