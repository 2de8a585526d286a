/**
 * Browser front ends served from their own origin: which origins may call the APIs
 * ({@code crm.web.cors.*}), and what their scripts may send and read.
 */
package org.crmbackoffice.support.cors;
