/** Configuration defaults every CRM back office service starts from. */
package org.crmbackoffice.support.config;
