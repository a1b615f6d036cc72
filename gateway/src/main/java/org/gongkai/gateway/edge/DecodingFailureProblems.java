package org.gongkai.gateway.edge;

import java.util.Map;

import org.gongkai.gateway.errors.GatewayProblem;
import org.gongkai.gateway.errors.ProblemJson;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * Reactor Netty answers a request it cannot decode itself, with an empty 400, 414 or 431 (and an empty 408 when a
 * request does not arrive in time), before the request reaches Spring. This handler sits just behind the HTTP codec
 * and gives those empty answers the gateway's problem+json body; every other response passes untouched.
 */
final class DecodingFailureProblems extends ChannelOutboundHandlerAdapter {

    private static final Map<Integer, GatewayProblem> PROBLEMS = Map.of(
            400, GatewayProblem.MALFORMED_REQUEST,
            408, GatewayProblem.REQUEST_TIMEOUT,
            414, GatewayProblem.URI_TOO_LONG,
            431, GatewayProblem.HEADERS_TOO_LARGE);

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && !response.content().isReadable()
                && PROBLEMS.containsKey(response.status().code())) {
            GatewayProblem problem = PROBLEMS.get(response.status().code());
            byte[] body = ProblemJson.body(problem, false, problem.detail(false));
            FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            withBody.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            withBody.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            ctx.write(withBody, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }
}
