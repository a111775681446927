/**
 * What the referrals module announces: each move of a referral to services (sent, accepted, declined, withdrawn,
 * completed) and each transfer of a case, with codes, months and opaque ids only; never the purpose, health needs,
 * reasons or anything else written about a person. Statistics counts them, and learns from them which kinds of
 * organisation met a person (the lists of the hidden-number estimate).
 */
@org.springframework.modulith.NamedInterface("events")
package org.opennrm.referrals.events;
