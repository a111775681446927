/**
 * Notifications: telling people that work waits for them, on the platform (a list and a home panel) and by e-mail
 * through a transactional outbox. Listens to the events that other modules publish (a new referral for NRM staff,
 * a service referral for the receiving organisation, a decision for the referring organisation, a decision or a
 * residence permit falling due soon, an agency's figures for the official returns due or overdue) and links into the platform, where each page checks its own permission. It never reads another module's tables and never
 * holds or sends a name, a reference or case content: a notification is a kind, a link and an opaque id.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "access",
            "access :: actor",
            "cases :: events",
            "referrals :: events",
            "assistance :: events",
            "monitoring :: events"
        })
package org.opennrm.notifications;
