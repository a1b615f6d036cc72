package org.gongkai.consultation.consultation;

/** How a draft is put before the public and opinions are gathered (Q1, 四(四)1). */
public enum Channel {
    WEBSITE("政府网站"),
    HEARING("听证"),
    SYMPOSIUM("座谈"),
    EXPERT_CONSULTATION("咨询协商"),
    ATTENDANCE("列席会议"),
    MEDIA_BRIEFING("媒体吹风");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Chinese labels of channels, in their order; a view carries them beside the codes. */
    public static java.util.List<String> labels(java.util.List<Channel> channels) {
        return channels == null ? java.util.List.of() : channels.stream().map(Channel::label).toList();
    }

    /** The label of a channel, or null without one. */
    public static String labelOf(Channel channel) {
        return channel == null ? null : channel.label();
    }

    /** Channels whose opinions staff enter by hand; website comments arrive through the public route. */
    public boolean isOffline() {
        return this != WEBSITE;
    }
}
