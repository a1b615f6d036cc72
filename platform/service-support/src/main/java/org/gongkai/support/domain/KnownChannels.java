package org.gongkai.support.domain;

import org.gongkai.contracts.catalogue.StandardChannels;

/** Publication channels are those of the catalogue's channel list; anything else is refused where it is recorded. */
public final class KnownChannels {

    private KnownChannels() {
    }

    public static String require(String channel) {
        if (!StandardChannels.isKnown(channel)) {
            throw DomainException.invalid("unknown-channel", "“" + channel + "”不是目录规定的公开渠道；可选："
                    + String.join("、", StandardChannels.NAMES.keySet()) + "。");
        }
        return channel;
    }
}
