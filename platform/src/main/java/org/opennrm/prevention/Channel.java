package org.opennrm.prevention;

/** How a campaign reaches its audience. */
enum Channel {
    TELEVISION,
    RADIO,
    PRINT,
    SOCIAL_MEDIA,
    ONLINE_ADVERTISING,
    OUTDOOR,
    SCHOOLS,
    COMMUNITY_EVENTS,
    WORKPLACES,
    HOTLINE_PROMOTION,
    OTHER
}
