package org.gongkai.support.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.edge.correlation.CorrelationIds;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the caller's correlation id if well formed (or makes one), puts it in every log line and echoes it back. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = CorrelationIds.acceptedOrNew(request.getHeader(CorrelationIds.HEADER));
        MDC.put(CorrelationIds.MDC_KEY, id);
        response.setHeader(CorrelationIds.HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CorrelationIds.MDC_KEY);
        }
    }
}
