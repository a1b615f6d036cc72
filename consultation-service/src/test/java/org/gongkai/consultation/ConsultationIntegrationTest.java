package org.gongkai.consultation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gongkai.testsupport.FixedClock;
import org.gongkai.testsupport.ServiceIntegrationTest;

/**
 * consultation-service as in {@link ServiceIntegrationTest}, its clock started at {@link ConsultationTestSupport#NOW}
 * and running on: a comment period the test drafts from "today" ({@link ConsultationTestSupport#todayInChina}) starts
 * on the service's today too, whenever the suite runs, and comments still follow each other in time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ServiceIntegrationTest
@FixedClock(value = ConsultationTestSupport.NOW, ticking = true)
public @interface ConsultationIntegrationTest {
}
