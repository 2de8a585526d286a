/**
 * The TMF632 Party Management v5 records: individuals and organizations, the parties that
 * customers engage.
 */
package org.crmbackoffice.model.party;
