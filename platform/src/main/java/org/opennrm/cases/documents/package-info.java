/**
 * Documents of a case: evidence, interview notes, signed consent forms. A document's type is read from its bytes
 * (never taken from the browser's word), its size is limited, and its name, description and bytes are encrypted at
 * rest with the identity key (rotated and erased with the rest of the case). Whoever may read the case page may
 * list and download its documents, and each download is logged as a read of the case before a byte is sent; only
 * staff who may change cases upload. Part of the case file: outside {@code cases} only the referrals module reads
 * them, for a service provider whose referral shares documents ({@code SharingScope.DOCUMENTS}), through the
 * {@code documents} named interface.
 */
@org.springframework.modulith.NamedInterface("documents")
package org.opennrm.cases.documents;
