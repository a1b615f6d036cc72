package org.gongkai.support.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Documents the one way services fail: every operation may answer 4XX/5XX with an RFC 9457 problem whose
 * {@code type} is {@code urn:gongkai:problem:<slug>}.
 */
public class ProblemResponsesInOpenApi implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Schema<?> problem = new ObjectSchema()
                .description("出错时的统一答复（RFC 9457 问题详情）：title、detail 默认为简体中文（Accept-Language: en 时为英文），"
                        + "type 为固定的 urn:gongkai:problem:<代码>；校验不通过时在 errors 中逐项列出有问题的字段")
                .addProperty("type", new StringSchema().example("urn:gongkai:problem:validation-failed"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
        openApi.getComponents().addSchemas("Problem", problem);
        Content content = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            for (Map.Entry<String, String> response : Map.of("4XX", "请求有误或无权操作，未作任何更改",
                    "5XX", "系统内部故障，请稍后重试或联系管理员").entrySet()) {
                operation.getResponses().computeIfAbsent(response.getKey(),
                        code -> new ApiResponse().description(response.getValue()).content(content));
            }
        }));
    }
}
