package org.gongkai.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;

/**
 * Rules every service keeps. Inside a feature package, web adapters are {@code *Controller} / {@code *Api},
 * persistence is {@code *Repository} (and {@code *Inbox}, a consumer's record of handled events), wiring is
 * {@code *Configuration}, event adapters are {@code *Listener};
 * application services ({@code *Service}, {@code *Scheduler}, {@code *Seeder}) orchestrate repositories but not HTTP;
 * everything else there is domain code and must not reach for web or persistence code.
 */
public final class ArchitectureRules {

    private static final String[] SERVICES = {"catalogue", "publication", "consultation", "reporting", "gateway"};

    private ArchitectureRules() {
    }

    /*
     * The roles of a service's classes, by the last word of their names (nested classes take their outer class's):
     * adapters and wiring (web: Controller, Api; storage: Repository and its Spring Data fragments' RepositoryImpl,
     * Inbox, Projection, the read models folded from events; inbound: Listener, Scheduler, Seeder; wiring:
     * Configuration, Application), application services (Service: the use cases), and everything else, the domain.
     */
    public static final DescribedPredicate<JavaClass> ADAPTER_OR_WIRING = new DescribedPredicate<>("adapter or wiring") {
        @Override
        public boolean test(JavaClass c) {
            String name = outerName(c);
            return name.endsWith("Controller") || name.endsWith("Api") || name.endsWith("Repository") || name.endsWith("RepositoryImpl")
                    || name.endsWith("Inbox") || name.endsWith("Projection") || name.endsWith("Configuration") || name.endsWith("Listener")
                    || name.endsWith("Application") || name.endsWith("Scheduler") || name.endsWith("Seeder");
        }
    };

    public static final DescribedPredicate<JavaClass> APPLICATION_SERVICE = new DescribedPredicate<>("application service") {
        @Override
        public boolean test(JavaClass c) {
            return outerName(c).endsWith("Service");
        }
    };

    /** A nested class has the role of the class it is nested in. */
    private static String outerName(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }

    public static ArchRule domainIsFreeOfWebAndPersistence(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..").and(DescribedPredicate.not(ADAPTER_OR_WIRING))
                .and(DescribedPredicate.not(APPLICATION_SERVICE))
                .should().dependOnClassesThat(new DescribedPredicate<>("web or persistence code") {
                    @Override
                    public boolean test(JavaClass c) {
                        String n = c.getName();
                        return n.startsWith("org.springframework.web.") || n.startsWith("org.springframework.http.")
                                || n.startsWith("jakarta.servlet.") || n.startsWith("org.springframework.data.mongodb.core.MongoTemplate")
                                || n.startsWith("org.springframework.data.mongodb.core.query.")
                                || n.startsWith("org.springframework.data.repository.")
                                || n.startsWith("org.gongkai.support.web.")
                                || (n.startsWith(servicePackage) && (n.endsWith("Controller") || n.endsWith("Repository")));
                    }
                })
                .because("domain rules live in the domain types, independent of HTTP and storage")
                .allowEmptyShould(true);
    }

    public static ArchRule applicationServicesAreFreeOfWeb(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..").and().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .because("use cases do not know how they are called")
                .allowEmptyShould(true);
    }

    /**
     * Use cases reach storage through repositories (Spring Data's, or a {@code *Repository} class of their own): the
     * queries, updates and the template itself live there, so a use case reads as what it does.
     */
    public static ArchRule applicationServicesReachStorageThroughRepositories(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..").and(APPLICATION_SERVICE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb.core..", "com.mongodb..", "org.bson..")
                .because("a use case names what it stores and reads; how is the repositories' business")
                .allowEmptyShould(true);
    }

    public static ArchRule doesNotImportOtherServices(String service) {
        String[] others = java.util.Arrays.stream(SERVICES).filter(s -> !s.equals(service))
                .map(s -> "org.gongkai." + s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("org.gongkai." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services integrate through events and HTTP, never through each other's code");
    }

    /** Feature packages depend on each other in one direction only, so each can be read, tested and moved on its own. */
    public static ArchRule featuresAreFreeOfCycles(String servicePackage) {
        return com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .because("a cycle between features makes them one feature in two packages");
    }

    /**
     * What the public reads: the public controllers ({@code Public*Controller}) and the {@code *Answer} types they give
     * out, with their nested classes.
     */
    private static final String PUBLIC_ANSWERS = ".*\\.(Public[A-Za-z]*Controller|[A-Za-z]*Answer)(\\$.*)?";

    /**
     * Personal data never leaves through a public answer: no public controller (nor {@code *Answer} type) calls the
     * accessors {@code methods} of {@code type}. Further conditions chain on ({@code orShould()}), then {@code because}.
     */
    public static ClassesShouldConjunction publicControllersNeverCall(Class<?> type, String... methods) {
        if (methods.length == 0) {
            throw new IllegalArgumentException("name the accessors of " + type.getSimpleName() + " that the public must not reach");
        }
        ClassesShouldConjunction rule = noClasses().that().haveNameMatching(PUBLIC_ANSWERS).should().callMethod(type, methods[0]);
        for (int i = 1; i < methods.length; i++) {
            rule = rule.orShould().callMethod(type, methods[i]);
        }
        return rule;
    }

    /** Several instances of a service must not all close, announce or remind: every scheduled job takes a lock. */
    public static ArchRule scheduledJobsTakeALockFirst() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that().areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                .and().areDeclaredInClassesThat().resideInAPackage("org.gongkai..")
                .should().beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
                .because("with several instances a job without a lock would run in each of them (SchedulerLocks)");
    }
}
