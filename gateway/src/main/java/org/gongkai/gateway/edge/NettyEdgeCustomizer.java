package org.gongkai.gateway.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's HTTP server below Spring: read and request timeouts, and problem+json for what Reactor Netty refuses
 * on its own before any filter runs (a request line or headers too long, malformed HTTP).
 */
@Component
class NettyEdgeCustomizer implements NettyServerCustomizer {

    private final ConnectionLimits limits;

    NettyEdgeCustomizer(ConnectionLimits limits) {
        this.limits = limits;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server
                .readTimeout(limits.readTimeout())
                .requestTimeout(limits.requestTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "gongkai.decodingFailureProblems",
                                new DecodingFailureProblems());
                    }
                });
    }
}
