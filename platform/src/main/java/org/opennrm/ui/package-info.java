/**
 * What people see around the work: the layout and navigation per role, the home page, sign-in and
 * error pages, languages. No domain logic lives here; it only displays what the modules offer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "organisations"})
package org.opennrm.ui;
