/**
 * The national action plan: plans for a period with objectives under the four pillars, measures with a lead
 * organisation and partners, their status with evidence and dated history, and their budget by year and source.
 * {@link org.opennrm.monitoring.plan.ActionPlans} is the facade. Nothing here is about a person: titles, evidence
 * and amounts describe what government and its partners do, and audit entries hold ids and codes only.
 *
 * <p>Exposed as the named interface {@code monitoring :: plan} (the demo installation seeds a plan through it).
 */
@org.springframework.modulith.NamedInterface("plan")
package org.opennrm.monitoring.plan;
