/**
 * Case data leaving the NRM for a named receiver: HTCDS exports (de-identified, or identifying only where the person
 * consented to sharing with that receiver), counted before they are made, every identity read audited.
 * Cross-border packages between NRMs are made by the referrals module.
 */
package org.opennrm.cases.exchange;
