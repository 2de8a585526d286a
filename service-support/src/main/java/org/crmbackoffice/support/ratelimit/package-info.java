/**
 * Rate limits per client: how many requests one caller may send in a window, so that no
 * client or partner takes the capacity every other caller shares. Budgets live in the
 * service's database, so all instances of a service draw from the same one.
 */
package org.crmbackoffice.support.ratelimit;
