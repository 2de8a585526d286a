/** The status lifecycles of the services' resources. */
package org.crmbackoffice.support.lifecycle;
