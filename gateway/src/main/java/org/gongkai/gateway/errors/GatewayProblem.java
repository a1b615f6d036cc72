package org.gongkai.gateway.errors;

import org.gongkai.edge.problems.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * Every answer the gateway gives on its own, before or instead of a service: one stable problem type each, with a
 * Chinese title and detail (English only when the client asks for it), never a class name or a framework message.
 */
public enum GatewayProblem {

    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "请求格式错误", "请求格式不正确（请求行、请求头或参数无效），无法处理。",
            "Bad request", "The request is malformed (request line, headers or parameters) and cannot be processed."),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "需要登录", "此接口需要有效的访问令牌，请登录后再试。",
            "Unauthorized", "A valid bearer token is required."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "无权操作", "您的角色不允许此操作。",
            "Forbidden", "Your role does not allow this."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "地址不存在", "没有与此地址对应的接口或页面。",
            "Not found", "There is no route for this address."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "不支持此请求方法", "此地址不支持该请求方法。",
            "Method not allowed", "This address does not support the request method."),
    PUBLIC_ROUTE_READ_ONLY(HttpStatus.METHOD_NOT_ALLOWED, "public-route-read-only", "公开接口只读",
            "公开接口只能读取，例外是向正在征求意见的草案提交意见和提交政府信息公开申请。",
            "Method not allowed", "Public routes are read-only, except submitting a comment to an open consultation or a disclosure application."),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "请求超时", "请求未能在规定时间内发送完毕，连接已关闭。",
            "Request timeout", "The request was not received in time."),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "请求体过大", "请求体超过了此接口允许的大小。",
            "Payload too large", "The request body exceeds what this route accepts."),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "请求地址过长", "请求地址（含查询参数）超过了允许的长度。",
            "URI too long", "The request line exceeds the allowed length."),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "不支持的内容类型", "此地址不接受该内容类型。",
            "Unsupported media type", "This address does not accept this content type."),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "无法提供所需格式", "此地址无法以请求的格式作答。",
            "Not acceptable", "This address cannot answer in the requested format."),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "请求过于频繁", "来自您地址的请求过多，请稍后再试。",
            "Too many requests", "Too many requests from your address; please slow down."),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "请求头过大", "请求头（含 Cookie）超过了允许的大小。",
            "Request header fields too large", "The request headers exceed the allowed size."),
    REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected", "请求被拒绝", "网关无法处理此请求。",
            "Request rejected", "The gateway cannot process this request."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "gateway-error", "网关内部错误", "网关处理请求时出错，请稍后再试；如问题持续，请告知关联编号。",
            "Gateway error", "The gateway failed to process the request; please quote the correlation id if it persists."),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "服务暂时不可用", "服务暂时不可用，请稍后再试。",
            "Service unavailable", "The service is temporarily unavailable; please try again later."),
    SERVICE_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "服务响应超时", "服务未能及时响应，请稍后再试。",
            "Gateway timeout", "The service did not answer in time; please try again later.");

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final String detail;
    private final String englishTitle;
    private final String englishDetail;

    GatewayProblem(HttpStatus status, String slug, String title, String detail, String englishTitle, String englishDetail) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
        this.englishTitle = englishTitle;
        this.englishDetail = englishDetail;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return ProblemTypes.PREFIX + slug;
    }

    public String title(boolean english) {
        return english ? englishTitle : title;
    }

    public String detail(boolean english) {
        return english ? englishDetail : detail;
    }

    /** The problem for a status a framework raised; anything not listed is a rejected request or the gateway's fault. */
    public static GatewayProblem forStatus(int status) {
        for (GatewayProblem problem : values()) {
            if (problem.status.value() == status && problem != PUBLIC_ROUTE_READ_ONLY && problem != REQUEST_REJECTED) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : REQUEST_REJECTED;
    }
}
