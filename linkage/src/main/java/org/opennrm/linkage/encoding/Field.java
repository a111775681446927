package org.opennrm.linkage.encoding;

/**
 * One CSV column of the schema.
 *
 * @param name the CSV header name
 * @param kind how the value is tokenised
 * @param bitsPerToken k, the number of filter positions each token sets (after the weight is applied)
 * @param dateFormat for dates only: {@code yyyy-MM-dd} (the default) or {@code yyyyMMdd}
 * @param lenient for dates only: encode impossible dates (month 13) by their digits and treat unreadable ones
 *     as missing, instead of refusing the input; for test data such as FEBRL whose errors include such dates
 */
public record Field(String name, FieldKind kind, int bitsPerToken, String dateFormat, boolean lenient) {

    public Field {
        if (kind != FieldKind.IGNORE && (bitsPerToken < 1 || bitsPerToken > 256)) {
            throw new InputRejected("schema: field \"" + name + "\" needs k between 1 and 256, not " + bitsPerToken);
        }
        if (kind == FieldKind.DATE && !"yyyy-MM-dd".equals(dateFormat) && !"yyyyMMdd".equals(dateFormat)) {
            throw new InputRejected("schema: field \"" + name + "\" has date format \"" + dateFormat
                    + "\"; use yyyy-MM-dd or yyyyMMdd");
        }
    }
}
