/**
 * The partners of the National Referral Mechanism: organisations (sector, NRM roles, services offered,
 * regions served, contact points) and the partnership agreements between them with their reviews.
 *
 * <p>Depends on no other module. Holds no data about victims, ever: contact points are professionals.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.opennrm.organisations;
