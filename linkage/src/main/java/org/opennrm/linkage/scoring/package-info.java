/**
 * Field-aware probabilistic linkage on field encodings: comparison levels per field, Fellegi-Sunter match weights
 * estimated without labels by expectation maximisation, term-frequency adjustment from the encodings themselves,
 * a one-to-one assignment, and the expected precision and recall. Sees encodings and opaque ids only, never
 * identifiers or the deployment secret, like {@code matching}.
 */
package org.opennrm.linkage.scoring;
