/**
 * The co-ordinating body of the national response: its member organisations with their representatives, its
 * meetings (agenda, minutes saved on the version read, decisions), the action items assigned to members with due
 * dates, and the reminders when they fall due. Named so that the demo installation can seat a body; nothing here is
 * about a person the NRM protects (representatives are officials).
 */
@org.springframework.modulith.NamedInterface("body")
package org.opennrm.monitoring.plan.body;
