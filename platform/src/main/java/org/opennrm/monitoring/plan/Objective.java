package org.opennrm.monitoring.plan;

import java.util.UUID;

/** One objective of a plan, under one of the four pillars; its measures say how it is to be reached. */
public record Objective(UUID id, UUID planId, Pillar pillar, String title, int position) {

    static final int TITLE_LENGTH = 300;
}
