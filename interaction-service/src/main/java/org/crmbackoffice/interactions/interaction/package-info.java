/**
 * The party interaction resource of TMF683: logging, reading and listing interactions.
 */
package org.crmbackoffice.interactions.interaction;
