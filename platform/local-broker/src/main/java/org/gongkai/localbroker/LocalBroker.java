package org.gongkai.localbroker;

import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An in-memory AMQP 0-9-1 broker (Apache Qpid Broker-J) for running the suite where no RabbitMQ is installed.
 * RabbitMQ-only queue arguments (dead-lettering, expiry) are accepted and ignored, so the services start unchanged;
 * messages do not survive a restart. Usage: {@code java -jar local-broker.jar <port> <work-dir>}.
 */
public final class LocalBroker {

    private LocalBroker() {
    }

    public static void main(String[] args) throws Exception {
        String port = args.length > 0 ? args[0] : "5672";
        String workDir = args.length > 1 ? args[1] : "data/broker";
        Map<String, Object> context = new HashMap<>();
        context.put("qpid.amqp_port", port);
        context.put("qpid.work_dir", workDir);
        context.put("queue.behaviourOnUnknownDeclareArgument", "IGNORE");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION,
                LocalBroker.class.getClassLoader().getResource("local-broker.json").toExternalForm());
        // Qpid's defaults name classpath: URLs, which a repackaged jar cannot open; point at our own resources instead
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION,
                LocalBroker.class.getClassLoader().getResource("local-broker-system.properties").toExternalForm());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, true);
        attributes.put(SystemConfig.CONTEXT, context);
        SystemLauncher launcher = new SystemLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown));
        launcher.startup(attributes);
        System.out.println("local AMQP 0-9-1 broker (Qpid Broker-J, in memory) on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
