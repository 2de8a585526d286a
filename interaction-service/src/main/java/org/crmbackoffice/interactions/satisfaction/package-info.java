/**
 * The partner's satisfaction with completed interactions (CSAT and NPS), from the partner
 * or an agent.
 */
package org.crmbackoffice.interactions.satisfaction;
