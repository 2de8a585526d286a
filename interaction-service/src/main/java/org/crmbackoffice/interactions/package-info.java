/**
 * Business Partner Interaction Management (TM Forum eTOM 1.6.9): the log of every
 * interaction between a business partner and the enterprise, served as the TMF683 Party
 * Interaction API.
 */
package org.crmbackoffice.interactions;
