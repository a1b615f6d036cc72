package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The client is the hop the gateway appended to X-Forwarded-For; earlier entries may be forged by the client. */
class ClientAddressTest {

    @Test
    void theLastForwardedHopIsTheClient() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.2");
        request.addHeader("X-Forwarded-For", "1.2.3.4, 203.0.113.9");
        assertThat(PublicCommentController.clientAddress(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void withoutTheHeaderTheRemoteAddressIsTheClient() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.4");
        assertThat(PublicCommentController.clientAddress(request)).isEqualTo("198.51.100.4");
        request.addHeader("X-Forwarded-For", " ");
        assertThat(PublicCommentController.clientAddress(request)).isEqualTo("198.51.100.4");
    }
}
