/**
 * The track record of every interaction: one immutable entry per change, saying who
 * changed what, when and through which channel.
 */
package org.crmbackoffice.interactions.history;
