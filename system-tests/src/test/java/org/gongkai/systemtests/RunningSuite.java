package org.gongkai.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the suite once for every system-test class that uses it and stops it when the whole run ends, so the
 * API tests and the browser tests share one start (Keycloak alone takes a minute on a 2-core machine).
 */
final class RunningSuite implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSuite.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("suite", key -> {
            try {
                Suite.run("start");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return (AutoCloseable) () -> Suite.run("stop");
        }, AutoCloseable.class);
    }
}
