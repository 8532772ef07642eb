package cn.hnsw.testsupport.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of a service (ARCHITECTURE.md §4) as ArchUnit rules, applied by every service's {@code ArchitectureTest}:
 * package by feature, no controller reaching into another feature's repository, a domain free of web types, and no
 * service reading another service's code.
 */
public final class HnswArchitectureRules {

    /** The platform's service base packages; a service may use only its own and {@code cn.hnsw.common}. */
    public static final List<String> SERVICE_PACKAGES = List.of("cn.hnsw.passenger", "cn.hnsw.ledger",
            "cn.hnsw.tradewindow", "cn.hnsw.portsituation", "cn.hnsw.customs", "cn.hnsw.maritime", "cn.hnsw.border",
            "cn.hnsw.video", "cn.hnsw.simulators", "cn.hnsw.gateway");

    private static final Set<String> LAYER_PACKAGE_NAMES = Set.of("controller", "controllers", "service", "services",
            "repository", "repositories", "dao", "dto", "dtos", "entity", "entities", "model", "models", "impl");
    private static final Set<String> WEB_EDGE_SUFFIXES = Set.of("Controller", "Advice", "Filter", "Interceptor",
            "Client", "WebConfig", "WebConfiguration");

    private HnswArchitectureRules() {
    }

    /** Every rule for the service whose base package is {@code basePackage}. */
    public static List<ArchRule> forService(String basePackage) {
        return List.of(
                featurePackagesOnly(basePackage),
                noLayerPackages(basePackage),
                controllersUseOnlyTheirOwnFeaturesRepositories(basePackage),
                domainFreeOfWebTypes(basePackage),
                noOtherServiceCode(basePackage));
    }

    public static void check(String basePackage, JavaClasses classes) {
        forService(basePackage).forEach(rule -> rule.check(classes));
    }

    /** Only the application class (and its configuration) sits in the base package; everything else in a feature. */
    public static ArchRule featurePackagesOnly(String basePackage) {
        return classes().that().resideInAPackage(basePackage)
                .should().beAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                .orShould().beAnnotatedWith("org.springframework.context.annotation.Configuration")
                .orShould().beAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                .because("code is packaged by feature (ARCHITECTURE.md §4): cn.hnsw.<service>.<feature>")
                .allowEmptyShould(true);
    }

    /** Package by feature, not by layer. */
    public static ArchRule noLayerPackages(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..")
                .should(new ArchCondition<>("reside in a feature package, not a layer package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (String part : item.getPackageName().split("\\.")) {
                            if (LAYER_PACKAGE_NAMES.contains(part)) {
                                events.add(SimpleConditionEvent.violated(item, item.getName()
                                        + " is in a layer package '" + part + "'; put it in its feature package"));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** A controller may use its own feature's repository; other features are reached through their services. */
    public static ArchRule controllersUseOnlyTheirOwnFeaturesRepositories(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..").and(isController())
                .should(new ArchCondition<>("use no repository of another feature") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        for (Dependency d : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (isRepository(target) && target.getPackageName().startsWith(basePackage)
                                    && !target.getPackageName().equals(controller.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(controller, controller.getSimpleName()
                                        + " reaches into another feature's repository " + target.getName()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** Entities, domain services and events know nothing of HTTP or servlets. */
    public static ArchRule domainFreeOfWebTypes(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and(isDomain())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.http.server..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ResponseEntity")
                .because("rules live in the entity or a domain service where a unit test reaches them without HTTP")
                .allowEmptyShould(true);
    }

    /** A service never uses another service's classes: it talks to it by events or its API. */
    public static ArchRule noOtherServiceCode(String basePackage) {
        String[] others = SERVICE_PACKAGES.stream().filter(p -> !p.equals(basePackage)).map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("a service owns its tables and code; others reach it through Kafka events or its API")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> isController() {
        return DescribedPredicate.describe("are controllers", c ->
                c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                        || c.isAnnotatedWith("org.springframework.stereotype.Controller"));
    }

    private static DescribedPredicate<JavaClass> isDomain() {
        return DescribedPredicate.describe("are domain classes (not the web edge)", c ->
                !isController().test(c)
                        && !c.isAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
                        && !c.isAnnotatedWith("org.springframework.context.annotation.Configuration")
                        && !c.isAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                        && WEB_EDGE_SUFFIXES.stream().noneMatch(s -> topLevel(c).getSimpleName().endsWith(s)));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static boolean isRepository(JavaClass c) {
        return c.isAnnotatedWith("org.springframework.stereotype.Repository")
                || c.getSimpleName().endsWith("Repository")
                || c.isAssignableTo("org.springframework.data.repository.Repository");
    }
}
