/**
 * The case file of a person referred into the NRM: the person (identity encrypted), consent per purpose, the
 * trafficking profile in HTCDS codes, the preliminary and formal identification decisions with their history,
 * reviews and deadlines in working days, the children's procedure (guardian, best interests, age assessment),
 * and anonymous notifications of adults who decline.
 *
 * <p>The only module that holds identifying data about persons. It never puts a name, a date of birth or any
 * other identity into a log line, an event, an audit detail or a {@code toString()}; other modules receive
 * ids and codes only, and every read of a case file is written to the audit trail.
 *
 * <p>This package is the aggregate ({@code Case}) with its rules and its parts ({@code DecisionHistory}: the decisions
 * and reviews and the order of the procedure; {@code Consents}: what is in force for which purpose and organisation),
 * its facade ({@code CaseManagement}) and its store;
 * the sub-packages are by concern: {@code events} (what leaves the module, a named interface), {@code web} and
 * {@code api} (pages and REST), {@code queue} (the NRM queue), {@code exchange} (HTCDS exports) and {@code justice}
 * (the restricted criminal-justice track). Other modules see only this package and {@code events}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "access",
            "access :: actor",
            "access :: audit",
            "organisations",
            "screening",
            "screening :: events",
            "linkage"
        })
package org.opennrm.cases;
