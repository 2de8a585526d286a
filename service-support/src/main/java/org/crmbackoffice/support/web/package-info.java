/**
 * TMF630 list conventions: {@code offset}/{@code limit} paging, the count headers,
 * attribute filters, sort and attribute selection.
 */
package org.crmbackoffice.support.web;
