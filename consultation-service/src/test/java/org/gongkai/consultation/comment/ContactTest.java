package org.gongkai.consultation.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongkai.support.domain.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A contact is optional; when given it is a mobile number, a landline or an e-mail address. */
class ContactTest {

    @ParameterizedTest
    @CsvSource({
            "13800138000, MOBILE, 13800138000",
            "' 138 0013 8000 ', MOBILE, 13800138000",
            "0356-2021234, LANDLINE, 0356-2021234",
            "03562021234, LANDLINE, 03562021234",
            "010-12345678-123, LANDLINE, 010-12345678-123",
            "zhang.san@example.cn, EMAIL, zhang.san@example.cn",
            "li_si+yj@mail.sx.gov.cn, EMAIL, li_si+yj@mail.sx.gov.cn"})
    void validContactsAreKeptWithTheirKind(String raw, Contact.Kind kind, String value) {
        assertThat(Contact.parse(raw)).isEqualTo(new Contact(kind, value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankMeansNoContact(String raw) {
        assertThat(Contact.parse(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1380013800", "138001380001", "23800138000", "1380013800a", "356-2021234", "0356-12345",
            "zhangsan@", "@example.cn", "zhang san@example.cn", "zhangsan@example", "<script>@x.cn", "电话13800138000"})
    void malformedContactsAreRefused(String raw) {
        assertThatThrownBy(() -> Contact.parse(raw))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-contact");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                });
    }
}
