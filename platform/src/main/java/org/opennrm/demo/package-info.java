/**
 * The demo installation: invented organisations and one account per role, created on the first start of
 * an empty installation so that a co-ordinator's office can try the platform the same day. Uses only
 * the public facades of the modules; never runs when {@code opennrm.demo.enabled} is false. With
 * {@code opennrm.demo.synthetic-cases=N} it also refers N invented persons (demonstrations, benchmarks).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "organisations",
            "access",
            "access :: actor",
            "cases",
            "cases :: events",
            "referrals",
            "monitoring :: plan",
            "monitoring :: body",
            "statistics :: publishing"
        })
package org.opennrm.demo;
