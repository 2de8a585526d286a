/** TM Forum common types (TMF630 / SID) used by both the TMF629 and TMF683 APIs. */
package org.crmbackoffice.model.common;
