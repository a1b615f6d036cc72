package org.gongkai.gateway.limits;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.gongkai.gateway.errors.RequestBodyTooLarge;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A route's body limit that also holds for chunked bodies, which carry no {@code Content-Length} for Spring Cloud
 * Gateway's {@code RequestSize} filter to check: the bytes are counted as they stream in and the request fails with
 * 413 problem+json once the limit is passed. Small limits (public writes) are read in full before anything is
 * forwarded, so the service never sees an oversize body at all; large ones (uploads) stream through and are cut off.
 * In the routes: {@code - name: RequestBodyLimit, args: {maxSize: 16KB}}.
 */
@Component
public class RequestBodyLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RequestBodyLimitGatewayFilterFactory.Config> {

    /** Up to this limit a body is held at the gateway until it is complete; larger limits stream. */
    static final long BUFFERED_UP_TO = 1024 * 1024;

    public RequestBodyLimitGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public GatewayFilter apply(Config config) {
        long max = config.getMaxSize().toBytes();
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            if (request.getHeaders().getContentLength() > max) {
                return Mono.error(new RequestBodyTooLarge(max));
            }
            if (max <= BUFFERED_UP_TO) {
                return DataBufferUtils.join(request.getBody(), (int) max)
                        .onErrorMap(DataBufferLimitException.class, e -> new RequestBodyTooLarge(max))
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request,
                                body.map(Flux::just).orElseGet(Flux::empty))).build()));
            }
            AtomicLong seen = new AtomicLong();
            Flux<DataBuffer> counted = request.getBody().map(buffer -> {
                if (seen.addAndGet(buffer.readableByteCount()) > max) {
                    DataBufferUtils.release(buffer);
                    throw new RequestBodyTooLarge(max);
                }
                return buffer;
            });
            return chain.filter(exchange.mutate().request(withBody(request, counted)).build());
        };
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, Flux<DataBuffer> body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
    }

    public static class Config {

        private DataSize maxSize = DataSize.ofMegabytes(12);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }
}
