/**
 * What both services need and nobody should write twice: problem responses, request ids,
 * list paging and the shared configuration defaults. Applied by auto-configuration as
 * soon as a service depends on this module.
 */
package org.crmbackoffice.support;
