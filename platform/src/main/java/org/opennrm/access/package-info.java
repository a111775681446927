/**
 * Who may do what: accounts of the people who work in the NRM, their roles and the scope of each
 * permission (own records, own organisation, all), sign-in with a password and a second factor,
 * optional single sign-on, personal access tokens for the API, the audit trail, and the protection of
 * identity data at rest.
 *
 * <p>Never reads case files itself; it offers other modules the means to check access and to log it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisations"})
package org.opennrm.access;
