package org.gongkai.support.deadletters;

/** The broker could not be reached for an operation a person asked for; answered 503 with Retry-After. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
