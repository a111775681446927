/**
 * Prevention evidence: trends and early warning over the coded facts, who is exploited where, campaigns and
 * their evaluation, and the targeting tools of the agencies that prevent (labour-inspection risk, ad screening,
 * financial red flags, supplier screening) as decision support, never as accusations.
 *
 * <p>It sees codes and counts only: the other modules' {@code events} named interfaces, what {@code statistics}
 * offers through its {@code publishing} named interface (facts counted by rule and the joint disclosure check
 * against everything already published), the public registry of {@code organisations}, and the {@code linkage}
 * library for fuzzy names (never case identities). Every table, chart or download it shows outside the
 * statistics office passes the joint disclosure check.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "cases :: events",
            "screening :: events",
            "referrals :: events",
            "assistance :: events",
            "statistics :: publishing",
            "organisations",
            // ad screening encrypts the ads' texts and contacts with the identity key (IdentityProtection) and declares
            // those columns (EncryptedColumn) so that key rotation re-encrypts them: both are access's unnamed
            // interface
            "access",
            // NameFolding only: the linkage library's name folding and bigram similarity for suppliers' names
            "linkage",
            "access :: actor",
            "access :: audit"
        })
package org.opennrm.prevention;
