/**
 * Customer Inventory Management (TM Forum eTOM 1.3.16): the enterprise's record of its
 * customers, served as the TMF629 Customer Management API.
 */
package org.crmbackoffice.inventory;
