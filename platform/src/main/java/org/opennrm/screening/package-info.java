/**
 * Screening a person against indicators of trafficking before any referral: the versioned indicator
 * catalogues (ILO forced-labour indicators, ILO/EC operational indicators, UNODC and other context lists,
 * each item with its source and verification), short sector checklists that map plain questions to those
 * indicators, the configurable ILO/EC combination rule, and screening results that suggest, with reasons,
 * whether to refer the person as a presumed victim. A suggestion, never an identification decision.
 * Administrators change the checklists in the pages, each change a new version; the offline app lets a
 * screener answer a checklist on a phone without a network and sends it, once, when the network is back.
 *
 * <p>Never stores identity: a screening holds answers, context codes, catalogue and rule versions, the
 * screener's account and organisation and the time, and nothing that names or describes the person; the
 * offline app keeps on the phone only checklists, answers and context codes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "access :: actor", "access :: audit"})
package org.opennrm.screening;
