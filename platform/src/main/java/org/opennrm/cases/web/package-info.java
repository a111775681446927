/**
 * The case file's pages for people: the NRM queue page's controller, the case page with its forms (decisions,
 * reviews, consent, guardian, best interests, age assessment, events, profile, closure and reopening). It asks the
 * aggregate and the facade; no case rule is written here (a form shows the aggregate's limits as field messages).
 */
package org.opennrm.cases.web;
