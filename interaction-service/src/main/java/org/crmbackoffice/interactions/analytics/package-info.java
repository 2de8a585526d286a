/**
 * Analytics of the interaction history for BI and supervisors: figures over a time range
 * grouped by channel, reason, direction, status, day or week; a partner's profile; the
 * dashboard page that charts them.
 */
package org.crmbackoffice.interactions.analytics;
