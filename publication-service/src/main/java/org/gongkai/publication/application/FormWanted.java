package org.gongkai.publication.application;

/** Art. 29 (三): the form in which the applicant wants the information, and how it reaches them. */
public record FormWanted(Medium medium, Delivery delivery) {

    public enum Medium {
        PAPER("纸质"), ELECTRONIC("电子");

        private final String label;

        Medium(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Delivery {
        COLLECTION("自行领取"), POST("邮寄"), EMAIL("电子邮件"), ONLINE("网上获取");

        private final String label;

        Delivery(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @com.fasterxml.jackson.annotation.JsonProperty(value = "mediumLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String mediumLabel() {
        return medium == null ? null : medium.label();
    }

    @com.fasterxml.jackson.annotation.JsonProperty(value = "deliveryLabel", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String deliveryLabel() {
        return delivery == null ? null : delivery.label();
    }
}
