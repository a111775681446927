package org.opennrm.prevention.finance;

/** The kind of reporting entity a suspicious-transaction report comes from. */
public enum EntityType {
    BANK,
    MONEY_SERVICE_BUSINESS,
    PAYMENT_INSTITUTION,
    VIRTUAL_ASSET_PROVIDER,
    CASINO,
    OTHER
}
