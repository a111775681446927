/**
 * Privacy-preserving record linkage in the NRM: linkage runs between agencies' encoded lists, which give the
 * list-overlap table that multiple systems estimation needs, and the duplicate check of a newly referred person
 * against the persons the NRM already knows, shown to case managers as possible duplicates to review.
 *
 * <p>It sees encodings, never names: agencies upload encodings (and field encodings) made on their own machines, and
 * the {@code cases} module hands in the encodings of a person it made with {@link org.opennrm.linkage.PersonEncoding},
 * which keeps nothing of what it encodes. Field encodings reveal more than whole-record encodings, so they are kept
 * encrypted and only as long as needed. It never reads case tables; it knows cases only by the ids and references it is
 * given. A run's result is counts per combination of lists, never which record is which person.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "access :: actor", "access :: audit"})
package org.opennrm.linkage;
