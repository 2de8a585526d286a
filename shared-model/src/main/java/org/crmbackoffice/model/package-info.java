/**
 * The wire contract of the CRM back office: TM Forum records and the HTTP interfaces the
 * services expose to each other. Plain Java only, so any client can depend on it.
 */
package org.crmbackoffice.model;
