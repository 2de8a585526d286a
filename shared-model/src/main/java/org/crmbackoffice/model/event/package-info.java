/** The TMF688 event envelope and the hub registration records both services use. */
package org.crmbackoffice.model.event;
