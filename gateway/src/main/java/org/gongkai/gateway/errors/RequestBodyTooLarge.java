package org.gongkai.gateway.errors;

import org.springframework.util.unit.DataSize;

/** A request body passed its route's limit while it streamed in; answered 413 and not forwarded further. */
public final class RequestBodyTooLarge extends RuntimeException {

    private final long limitBytes;

    public RequestBodyTooLarge(long limitBytes) {
        super("request body over " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    /** The limit as a person reads it: 16 KB, 12 MB. */
    public String limitText() {
        DataSize size = DataSize.ofBytes(limitBytes);
        if (limitBytes >= 1024 * 1024 && limitBytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (limitBytes >= 1024 && limitBytes % 1024 == 0) {
            return size.toKilobytes() + " KB";
        }
        return limitBytes + " B";
    }
}
