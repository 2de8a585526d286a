/**
 * TMF683 v4.0.0: the interaction resource as v4 clients send and read it, served beside
 * v5 over the same data.
 */
package org.crmbackoffice.model.interaction.v4;
