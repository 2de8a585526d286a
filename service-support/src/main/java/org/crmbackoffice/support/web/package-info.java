/** TMF630 list conventions: {@code offset}/{@code limit} paging and the count headers. */
package org.crmbackoffice.support.web;
