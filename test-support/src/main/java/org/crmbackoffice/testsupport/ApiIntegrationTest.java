package org.crmbackoffice.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of a service through its HTTP API: the whole application on a random port, on a
 * fresh PostgreSQL database, trusting the {@link TestIssuer}, called with a
 * {@code RestTestClient} and bearer tokens the way a CRM front end calls it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = { FreshPostgresDatabase.class, TestIssuerProperties.class,
		NoBackgroundDelivery.class, NoRateLimits.class })
public @interface ApiIntegrationTest {

}
