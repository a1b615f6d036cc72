package org.gongkai.gateway.forwarding;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} (and {@code X-Forwarded-Proto}) and RFC 7239
 * {@code Forwarded} end with the address the gateway sees. What a trusted proxy in front of the gateway sent is
 * kept, and the gateway's own hop appended; what anyone else sent is dropped, so a forged chain never reaches a service
 * (some readers take the first entry as the client).
 *
 * <p>Spring Cloud Gateway 2025.1 adds these headers only when {@code spring.cloud.gateway.server.webflux.trusted-proxies}
 * is set, and then only for trusted peers (an ordinary citizen's request would carry none), so the gateway does it here
 * and leaves that property unset; its {@code Remove…ForwardedHeadersFilter}s run first (order 0) and strip what came in.
 */
@Component
class ClientAddressHeaders implements HttpHeadersFilter, Ordered {

    private final ClientAddresses addresses;

    ClientAddressHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String peer = ClientAddresses.peer(request);
        boolean trusted = addresses.fromTrustedProxy(request);
        HttpHeaders updated = new HttpHeaders();
        input.headerSet().forEach(entry -> {
            String name = entry.getKey();
            if (!name.equalsIgnoreCase("Forwarded") && !name.regionMatches(true, 0, "X-Forwarded-", 0, 12)) {
                updated.addAll(name, entry.getValue());
            }
        });
        List<String> chain = trusted ? ClientAddresses.forwardedFor(request) : List.of();
        updated.set("X-Forwarded-For", String.join(", ", append(chain, peer)));
        String proto = request.getURI().getScheme();
        String incomingProto = trusted ? request.getHeaders().getFirst("X-Forwarded-Proto") : null;
        updated.set("X-Forwarded-Proto", incomingProto != null ? incomingProto : proto);
        String hop = "for=" + node(peer) + ";proto=" + proto
                + (request.getURI().getHost() != null ? ";host=\"" + hostHeader(request) + "\"" : "");
        String incoming = trusted ? String.join(", ", request.getHeaders().getOrEmpty("Forwarded")) : "";
        updated.set("Forwarded", incoming.isBlank() ? hop : incoming + ", " + hop);
        return updated;
    }

    private static List<String> append(List<String> chain, String peer) {
        return java.util.stream.Stream.concat(chain.stream(), java.util.stream.Stream.of(peer)).toList();
    }

    /** RFC 7239 node: IPv6 addresses are quoted and bracketed. */
    private static String node(String address) {
        return address.contains(":") ? "\"[" + address + "]\"" : address;
    }

    private static String hostHeader(ServerHttpRequest request) {
        int port = request.getURI().getPort();
        return request.getURI().getHost() + (port > 0 ? ":" + port : "");
    }

    @Override
    public int getOrder() {
        return 100; // after Spring Cloud Gateway's Remove…ForwardedHeadersFilters (order 0)
    }
}
