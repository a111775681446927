/**
 * The national response: the official returns a country owes (built from coded facts, with aggregate returns
 * from the agencies that hold criminal-justice figures) and the national action plan with its budget,
 * indicators, recommendations, the co-ordinating body and the yearly public report.
 *
 * <p>It sees codes and counts only: the other modules' {@code events} named interfaces, what {@code statistics}
 * offers through its {@code publishing} named interface (facts counted by rule, approved releases and the joint
 * disclosure check against everything already published), and the public registry of {@code organisations}. It
 * never reads a case, a person or another module's tables: every figure that leaves it passes the joint
 * disclosure check. Sub-packages: {@code returns} for official returns, {@code plan} for the action plan and
 * what hangs on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "cases :: events",
            "screening :: events",
            "referrals :: events",
            "assistance :: events",
            "statistics :: publishing",
            "organisations",
            "access :: actor",
            "access :: audit"
        })
package org.opennrm.monitoring;
