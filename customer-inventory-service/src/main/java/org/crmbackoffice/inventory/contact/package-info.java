/**
 * How contact data is compared: names and email addresses folded for case- and
 * accent-insensitive search, phone numbers read and written in E.164 form. Shared by the
 * customer records and the checks of their data quality.
 */
package org.crmbackoffice.inventory.contact;
