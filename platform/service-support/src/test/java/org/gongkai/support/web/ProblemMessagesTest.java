package org.gongkai.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Chinese first: problem words are Simplified Chinese unless the reader's Accept-Language puts English first. */
class ProblemMessagesTest {

    private final ProblemMessages messages = new ProblemMessages();

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void requestWith(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void chineseWithoutAHeaderAndForChineseReaders() {
        for (String header : new String[] {null, "zh-CN,zh;q=0.9,en;q=0.8", "fr", "not a language ;;"}) {
            requestWith(header);
            assertThat(messages.title(409)).as(header).isEqualTo("与当前状态冲突");
            assertThat(messages.detail("unknown-field", "foo")).as(header).isEqualTo("不认识的字段“foo”。");
            assertThat(messages.domainDetail("not-proactive", "只有主动公开的文件才能公开。")).isEqualTo("只有主动公开的文件才能公开。");
        }
    }

    @Test
    void englishWhenAskedFor() {
        requestWith("en-US,en;q=0.9,zh;q=0.5");
        assertThat(messages.title(409)).isEqualTo("Conflict");
        assertThat(messages.detail("unknown-field", "foo")).isEqualTo("Unknown field 'foo'.");
        assertThat(messages.title(418)).isEqualTo("Bad Request");
    }
}
