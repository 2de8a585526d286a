package org.crmbackoffice.inventory.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.crmbackoffice.testsupport.ApiIntegrationTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The inventory with the audit settings these tests rely on: agents must state a purpose,
 * a cost model with a price for one operation, a fallback price and a price per record,
 * anomalies from 10 records at 5 times the usual volume, and listeners on this machine
 * allowed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiIntegrationTest
@TestPropertySource(properties = { "crm.audit.purpose-required-roles=agent",
		"crm.audit.cost.per-operation[customer.retrieve]=0.5", "crm.audit.cost.per-request=0.1",
		"crm.audit.cost.per-record=0.01", "crm.audit.anomaly.minimum-records=10", "crm.audit.anomaly.factor=5",
		"crm.hub.allow-private-callbacks=true" })
public @interface AuditedInventoryTest {

}
