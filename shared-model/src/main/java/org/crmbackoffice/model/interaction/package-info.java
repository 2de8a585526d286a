/**
 * TMF683 Party Interaction: the interaction resource as the interaction service shows it.
 */
package org.crmbackoffice.model.interaction;
